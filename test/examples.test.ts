// The example workflows and the lifecycle demo, run in n8n-core's engine against the sandbox.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PaynetApi } from '../credentials/PaynetApi.credentials';
import { Paynet } from '../nodes/Paynet/Paynet.node';
import { PaynetTrigger } from '../nodes/PaynetTrigger/PaynetTrigger.node';
import { SANDBOX_SECRET_KEY, sandboxEngine, useSandbox } from './helpers';

/* eslint-disable @typescript-eslint/no-require-imports */
const { runWorkflow } = require('../engine/run-workflow');
const { startWebhookServer } = require('../engine/webhook-server');
const { readCsv } = require('../demo/csv');
const { runLifecycleDemo } = require('../demo/lifecycle');
/* eslint-enable @typescript-eslint/no-require-imports */

const examples = join(__dirname, '..', 'examples');
const load = (name: string) => JSON.parse(readFileSync(join(examples, name), 'utf8'));

describe('examples', () => {
	const sandbox = useSandbox();

	test('status sheet maps actions to statuses and rejects unknown ones', async () => {
		const workflow = load('update-paylink-status.workflow.json');
		const rows = [
			{ order_no: '1', paylink_reference: 'ORD-1001', action: 'Cancel' },
			{ order_no: '2', paylink_reference: 'ORD-1003', action: ' REOPEN ' },
			{ order_no: '3', paylink_reference: 'ORD-1004', action: 'iptal' },
			{ order_no: '4', paylink_reference: 'ORD-1002' },
		];

		const result = await runWorkflow({
			...sandboxEngine(sandbox.current),
			workflow: { ...workflow, pinData: { Orders: rows.map((json) => ({ json })) } },
		});

		expect(result.error).toBeUndefined();
		const bodies = sandbox.current.requestsTo('/v1/mailorder/status_update').map((request) => request.body);
		expect(bodies).toEqual([
			{ reference_no: 'ORD-1001', status: 3 },
			{ reference_no: 'ORD-1003', status: 0 },
		]);
		const outcomes = result.items('Update PayLink Status').map((item: { json: Record<string, unknown> }) => item.json);
		expect(outcomes[2].error).toBe('The status "iptal" is not valid [item 2]');
		expect(outcomes[3].error).toBe('The status is empty [item 3]');
	});

	test('orders sheet becomes PayLinks and payment messages', async () => {
		// n8n 2.40's Extract from File leaves empty CSV cells out of the item, so the rows do too.
		const orders = readCsv(readFileSync(join(examples, 'new-orders.csv'), 'utf8')).map((row: Record<string, string>) =>
			Object.fromEntries(Object.entries(row).filter(([, value]) => value !== '')),
		);
		const workflow = load('create-paylinks-from-orders.workflow.json');

		const result = await runWorkflow({
			...sandboxEngine(sandbox.current),
			workflow: { ...workflow, pinData: { Orders: orders.map((json: object) => ({ json })) } },
		});

		expect(result.error).toBeUndefined();
		const creates = sandbox.current.requestsTo('/v1/mailorder/create').map((request) => request.body);
		expect(creates.map((body) => [body.reference_no, body.amount, body.send_mail, body.send_sms])).toEqual([
			['ORDER-10301', 1250.5, true, true],
			['ORDER-10302', 349.9, false, true],
			['ORDER-10303', 89, true, false],
			['ORDER-10304', 2150, true, true],
		]);
		expect(creates[0]).toMatchObject({ name_surname: 'Ayşe Küçük', note: 'Sipariş 10301', expire_date: 72 });
		const messages = result.items('Payment Message').map((item: { json: Record<string, string> }) => item.json);
		expect(messages).toHaveLength(4);
		expect(messages[0].order_no).toBe('10301');
		expect(messages[0].payment_url).toMatch(new RegExp(`^${sandbox.current.url}/paylink/`));
		expect(messages[0].message).toBe(
			`Merhaba Ayşe Küçük, 10301 numaralı siparişinizin ödeme bağlantısı: ${messages[0].payment_url}`,
		);
	});

	test('paid PayLink marks the order paid through the trigger example', async () => {
		const trigger = await startWebhookServer({ ...sandboxEngine(sandbox.current), workflow: load('mark-order-paid.workflow.json') });
		try {
			sandbox.current.payLinks.find((link) => link.reference_no === 'ORD-1002')!.confirmation_url =
				trigger.webhookUrl('Paynet Trigger');

			const { transaction } = await sandbox.current.pay({ reference_no: 'ORD-1002' });

			const [run] = await trigger.waitForRuns(1);
			expect(run.error).toBeUndefined();
			expect(run.items('Order Paid')[0].json).toEqual({
				order_reference: 'ORD-1002',
				status: 'paid',
				amount: 349.9,
				paid_at: transaction.xact_date,
				paynet_transaction_id: transaction.xact_id,
				card: '435508******4358',
				verified_with_paynet: true,
			});
		} finally {
			await trigger.stop();
		}
	});

	test('lifecycle demo prints each step and confirms the payment', async () => {
		const lines: string[] = [];

		const outcome = await runLifecycleDemo({
			sandbox: sandbox.current,
			Paynet,
			PaynetTrigger,
			PaynetApi,
			runWorkflow,
			print: (line: string) => lines.push(line),
		});

		expect(lines.map((line) => line.split('.')[0])).toEqual(['1', '2', '2', '2', '2', '3', '4', '5', '6', '7', '8']);
		expect(lines[1]).toMatch(/^2\. Order 10301: http:\/\/127\.0\.0\.1:\d+\/paylink\//);
		expect(outcome.listed).toHaveLength(4);
		expect(outcome.payment.confirmation.status).toBe(200);
		expect(outcome.trigger).toMatchObject({ order_reference: 'ORDER-10301', status: 'paid', verified_with_paynet: true });
		expect(outcome.forgedReply.status).toBe(403);
		expect(outcome.check).toMatchObject({ reference_no: 'ORDER-10301', is_succeed: true, amount: 1250.5 });
		expect(lines.join('\n')).not.toContain(SANDBOX_SECRET_KEY);
	});
});
