// Paynet Trigger, served on loopback through n8n-core's WebhookContext and run in its engine:
// the sandbox pays a PayLink and posts the confirmation to the trigger's URL.
import { PaynetTrigger } from '../nodes/PaynetTrigger/PaynetTrigger.node';
import {
	CHECK_NODE,
	PAYNET_NODE,
	SANDBOX_SECRET_KEY,
	TRIGGER_NODE,
	TRIGGER_WEBHOOK_ID,
	runPaynet,
	startPaynetTrigger,
	useSandbox,
	type Sandbox,
	type TriggerServer,
} from './helpers';

const CHECK = '/v1/transaction/check';

async function createPayLink(sandbox: Sandbox, reference: string, confirmationUrl: string, amount: number | string = 150.5) {
	const result = await runPaynet({
		sandbox,
		rows: [{ reference, amount }],
		parameters: {
			resource: 'payLink',
			operation: 'create',
			payerName: 'Ayşe Küçük',
			amount: '={{ $json.amount }}',
			referenceNumber: '={{ $json.reference }}',
			note: 'İĞÜŞÖÇ ığüşöç',
			confirmationUrl,
		},
	});
	expect(result.error).toBeUndefined();
	return result.items(PAYNET_NODE)![0].json;
}

async function post(url: string, body: string, contentType = 'application/json; charset=UTF-8') {
	const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': contentType }, body });
	return { status: response.status, text: await response.text() };
}

/** Waits until the trigger has no request still being handled, so "no run" is really no run. */
async function settled(trigger: TriggerServer) {
	await new Promise((resolve) => setTimeout(resolve, 200));
	return trigger.runs.length;
}

describe('Paynet Trigger', () => {
	const sandbox = useSandbox();
	let trigger: TriggerServer;

	afterEach(async () => {
		await trigger?.stop();
	});

	test('paid PayLink starts the workflow with the verified payment', async () => {
		trigger = await startPaynetTrigger({ sandbox: sandbox.current });
		const url = trigger.webhookUrl(TRIGGER_NODE);
		await createPayLink(sandbox.current, 'ORD-2001', url);
		sandbox.current.clearRequests();

		const { transaction, confirmation } = await sandbox.current.pay({ reference_no: 'ORD-2001' });

		expect(confirmation.status).toBe(200);
		expect(JSON.parse(confirmation.body)).toEqual({ status: 'accepted' });
		const [run] = await trigger.waitForRuns(1);
		expect(run.error).toBeUndefined();
		const [started] = run.items(TRIGGER_NODE)!;
		expect(started.json.reference_no).toBe('ORD-2001');
		expect(started.json.verified).toBe(true);
		expect(started.json.callback).toEqual(confirmation.payload);
		expect(started.json.callback.referance_no).toBe('ORD-2001');
		expect(started.json.transaction).toEqual(transaction);
		expect(started.json.transaction.is_succeed).toBe(true);
		// The trigger asked Paynet once, by the reference number, with the credential's key.
		const checks = sandbox.current.requestsTo(CHECK);
		expect(checks[0].body).toEqual({ reference_no: 'ORD-2001' });
		expect(checks[0].headers.authorization).toBe(`Basic ${SANDBOX_SECRET_KEY}`);
		// The next node read the trigger's output through an expression.
		expect(run.items(CHECK_NODE)!.map((item) => item.json.xact_id)).toEqual([transaction.xact_id]);
	});

	test('webhook URL is the production URL with the node webhook ID', async () => {
		trigger = await startPaynetTrigger({ sandbox: sandbox.current });

		expect(trigger.webhookUrl(TRIGGER_NODE)).toBe(`${trigger.url}/webhook/${TRIGGER_WEBHOOK_ID}/paylink-paid`);
	});

	test('callback spelled reference_no is accepted too', async () => {
		trigger = await startPaynetTrigger({ sandbox: sandbox.current });
		const { transaction } = await sandbox.current.pay({ reference_no: 'ORD-1001' });

		const reply = await post(trigger.webhookUrl(TRIGGER_NODE), JSON.stringify({ reference_no: 'ORD-1001', amount: 1250.5, is_succeed: true }));

		expect(reply.status).toBe(200);
		const [run] = await trigger.waitForRuns(1);
		expect(run.items(TRIGGER_NODE)![0].json.transaction.xact_id).toBe(transaction.xact_id);
	});

	test('amount with a decimal comma still matches the payment', async () => {
		trigger = await startPaynetTrigger({ sandbox: sandbox.current });
		await sandbox.current.pay({ reference_no: 'ORD-1001' });

		const reply = await post(trigger.webhookUrl(TRIGGER_NODE), JSON.stringify({ referance_no: 'ORD-1001', amount: '1250,50' }));

		expect(reply.status).toBe(200);
		expect((await trigger.waitForRuns(1))[0].items(TRIGGER_NODE)![0].json.verified).toBe(true);
	});

	test.each([
		['an unknown reference number', { referance_no: 'FORGED-1', amount: 10, is_succeed: true }],
		['a reference number that was never paid', { referance_no: 'ORD-1002', amount: 349.9, is_succeed: true }],
		['the wrong amount for a paid reference', { referance_no: 'ORD-1005', amount: 1, is_succeed: true }],
		['the wrong authorization code', { referance_no: 'ORD-1005', authorization_code: '000000', is_succeed: true }],
	])('forged callback with %s gets 403 and starts nothing', async (_case, payload) => {
		trigger = await startPaynetTrigger({ sandbox: sandbox.current });

		const reply = await post(trigger.webhookUrl(TRIGGER_NODE), JSON.stringify(payload));

		expect(reply.status).toBe(403);
		expect(JSON.parse(reply.text)).toEqual({ status: 'rejected' });
		expect(await settled(trigger)).toBe(0);
		// It was checked with Paynet, not just dropped.
		expect(sandbox.current.requestsTo(CHECK)).toHaveLength(1);
	});

	test.each([
		['text that is not JSON', 'referance_no=ORD-1005', 'text/plain'],
		['a JSON array', '[{"referance_no":"ORD-1005"}]', 'application/json'],
		['JSON without a reference number', '{"amount": 10}', 'application/json'],
		['a broken JSON body', '{"referance_no": ', 'application/json'],
	])('body with %s gets 400, no check and no run', async (_case, body, contentType) => {
		trigger = await startPaynetTrigger({ sandbox: sandbox.current });

		const reply = await post(trigger.webhookUrl(TRIGGER_NODE), body, contentType);

		expect(reply.status).toBe(400);
		expect(JSON.parse(reply.text)).toEqual({ status: 'rejected' });
		expect(await settled(trigger)).toBe(0);
		expect(sandbox.current.requests).toHaveLength(0);
	});

	test('failed payment is answered 200 ignored and starts nothing', async () => {
		trigger = await startPaynetTrigger({ sandbox: sandbox.current });
		await createPayLink(sandbox.current, 'ORD-2002', trigger.webhookUrl(TRIGGER_NODE));
		sandbox.current.clearRequests();

		const { confirmation } = await sandbox.current.pay({ reference_no: 'ORD-2002' }, { is_succeed: false });

		expect(confirmation.status).toBe(200);
		expect(JSON.parse(confirmation.body)).toEqual({ status: 'ignored' });
		expect(await settled(trigger)).toBe(0);
		expect(sandbox.current.requests).toHaveLength(0);
	});

	test('check that cannot reach Paynet gets 503 without details', async () => {
		trigger = await startPaynetTrigger({
			sandbox: sandbox.current,
			credential: { secretKey: SANDBOX_SECRET_KEY, environment: 'custom', baseUrl: 'http://127.0.0.1:9' },
		});

		const reply = await post(trigger.webhookUrl(TRIGGER_NODE), JSON.stringify({ referance_no: 'ORD-1005', amount: 10 }));

		expect(reply.status).toBe(503);
		expect(JSON.parse(reply.text)).toEqual({ status: 'try again later' });
		expect(await settled(trigger)).toBe(0);
	});

	test.each([
		['HTTP 500', { path: CHECK, httpStatus: 500 }],
		['a wrong key', { path: CHECK, httpStatus: 401, resultCode: 7 }],
	])('check failing with %s gets 503 and starts nothing', async (_case, fault) => {
		trigger = await startPaynetTrigger({ sandbox: sandbox.current });
		await sandbox.current.pay({ reference_no: 'ORD-1001' });
		sandbox.current.addFault(fault);

		const reply = await post(trigger.webhookUrl(TRIGGER_NODE), JSON.stringify({ referance_no: 'ORD-1001', amount: 1250.5 }));

		expect(reply.status).toBe(503);
		expect(reply.text).not.toContain('Paynet');
		expect(await settled(trigger)).toBe(0);
	});

	test('verification off starts the workflow without asking Paynet', async () => {
		trigger = await startPaynetTrigger({
			sandbox: sandbox.current,
			parameters: { verification: 'none' },
			withCheckNode: false,
		});
		const payload = { referance_no: 'ANY-1', amount: '99,90', note: 'İĞÜŞÖÇ ığüşöç' };

		const reply = await post(trigger.webhookUrl(TRIGGER_NODE), JSON.stringify(payload));

		expect(reply.status).toBe(200);
		expect(JSON.parse(reply.text)).toEqual({ status: 'accepted' });
		const [run] = await trigger.waitForRuns(1);
		expect(run.items(TRIGGER_NODE)![0].json).toEqual({ reference_no: 'ANY-1', verified: false, callback: payload });
		expect(sandbox.current.requests).toHaveLength(0);
	});

	test('verification off still rejects a body that is not a JSON object', async () => {
		trigger = await startPaynetTrigger({ sandbox: sandbox.current, parameters: { verification: 'none' } });

		const reply = await post(trigger.webhookUrl(TRIGGER_NODE), 'hello', 'text/plain');

		expect(reply.status).toBe(400);
		expect(await settled(trigger)).toBe(0);
	});

	test('replies and output never contain the secret key', async () => {
		trigger = await startPaynetTrigger({ sandbox: sandbox.current });
		await createPayLink(sandbox.current, 'ORD-2003', trigger.webhookUrl(TRIGGER_NODE));
		await sandbox.current.pay({ reference_no: 'ORD-2003' });
		await trigger.waitForRuns(1);
		await post(trigger.webhookUrl(TRIGGER_NODE), JSON.stringify({ referance_no: 'FORGED-2' }));
		sandbox.current.addFault({ path: CHECK, httpStatus: 401, resultCode: 7 });
		await post(trigger.webhookUrl(TRIGGER_NODE), JSON.stringify({ referance_no: 'ORD-2003' }));
		await settled(trigger);

		const texts = [
			JSON.stringify(trigger.runs.map((run) => run.run)),
			JSON.stringify(trigger.calls.map((call) => call.reply)),
		];
		expect(texts.join('\n')).toContain('ORD-2003');
		for (const text of texts) {
			expect(text).not.toContain(SANDBOX_SECRET_KEY);
			expect(text).not.toContain('Q7v/2kP');
		}
		expect(trigger.calls.map((call) => call.reply?.statusCode)).toEqual([200, 403, 503]);
	});

	test('webhook() never throws, so n8n never sends its own error text', async () => {
		trigger = await startPaynetTrigger({
			sandbox: sandbox.current,
			credential: { secretKey: 'pbk_publishable', environment: 'custom', baseUrl: sandbox.current.url },
		});

		const reply = await post(trigger.webhookUrl(TRIGGER_NODE), JSON.stringify({ referance_no: 'ORD-1005' }));

		expect(reply.status).toBe(503);
		expect(trigger.calls[0].error).toBeUndefined();
	});

	test('GET is not served, as Paynet only posts', async () => {
		trigger = await startPaynetTrigger({ sandbox: sandbox.current });

		const response = await fetch(trigger.webhookUrl(TRIGGER_NODE));

		expect(response.status).toBe(404);
		expect(await settled(trigger)).toBe(0);
	});

	test('activation has nothing to register at Paynet', async () => {
		const { default: methods } = new PaynetTrigger().webhookMethods;
		const context = {} as never;

		await expect(methods.checkExists.call(context)).resolves.toBe(true);
		await expect(methods.create.call(context)).resolves.toBe(true);
		await expect(methods.delete.call(context)).resolves.toBe(true);
		expect(sandbox.current.requests).toHaveLength(0);
	});
});
