// The local Paynet sandbox's own pages and control endpoints, which the README offers for trying
// the node by hand.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { useSandbox } from './helpers';

describe('sandbox', () => {
	const sandbox = useSandbox();

	test('PayLink page shows the payer, amount and status', async () => {
		const link = sandbox.current.payLinks[0];

		const response = await fetch(`${sandbox.current.url}/paylink/${link.id}`);

		expect(response.status).toBe(200);
		const page = await response.text();
		expect(page).toContain('Ayşe Küçük: 1250.5 TRY, reference ORD-1001, awaiting payment.');
		expect(page).toContain(`action="/paylink/${link.id}/pay"`);
	});

	test('pay button pays and posts the confirmation', async () => {
		const received: string[] = [];
		const receiver = createServer((request, response) => {
			let body = '';
			request.on('data', (chunk) => (body += chunk));
			request.on('end', () => {
				received.push(body);
				response.end('ok');
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		const link = sandbox.current.payLinks[1];
		link.confirmation_url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/paid`;

		try {
			const response = await fetch(`${sandbox.current.url}/paylink/${link.id}/pay`, { method: 'POST' });

			const page = await response.text();
			expect(page).toContain('<strong>Paid</strong>');
			expect(page).not.toContain('Pay with a sandbox card');
			expect(link.paid).toBe(true);
			expect(sandbox.current.transactions.map((transaction) => transaction.reference_no)).toContain('ORD-1002');
			expect(received).toHaveLength(1);
			expect(JSON.parse(received[0])).toMatchObject({ referance_no: 'ORD-1002', amount: 349.9, is_succeed: true });
		} finally {
			receiver.close();
		}
	});

	test('passive PayLink cannot be paid', async () => {
		const link = sandbox.current.payLinks.find((candidate) => candidate.reference_no === 'ORD-1003')!;

		const response = await fetch(`${sandbox.current.url}/paylink/${link.id}/pay`, { method: 'POST' });

		expect(await response.text()).toContain('<strong>Not paid:</strong>');
		expect(link.paid).toBeFalsy();
	});

	test('control endpoint rejects a body that is not JSON', async () => {
		const response = await fetch(`${sandbox.current.url}/_sandbox/faults`, { method: 'POST', body: '{bad' });

		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({ error: 'The body of /_sandbox/faults must be JSON' });
	});

	test('paying an unknown PayLink through the control endpoint is a 404', async () => {
		const transactionsBefore = sandbox.current.transactions.length;

		const response = await fetch(`${sandbox.current.url}/_sandbox/pay`, {
			method: 'POST',
			body: JSON.stringify({ reference_no: 'NO-SUCH-ORDER' }),
		});

		expect(response.status).toBe(404);
		expect(await response.json()).toEqual({ error: 'Kayıt bulunamadı' });
		expect(sandbox.current.transactions).toHaveLength(transactionsBefore);
	});
});
