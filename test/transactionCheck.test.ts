// Transaction → Check, run in n8n-core's engine against the local Paynet sandbox.
import { PAYNET_NODE, SANDBOX_SECRET_KEY, everythingIn, runPaynet, useSandbox } from './helpers';

const CHECK = '/v1/transaction/check';

const byReference = {
	resource: 'transaction',
	operation: 'check',
	identifierType: 'referenceNo',
	identifier: '={{ $json.reference }}',
};

describe('Transaction → Check', () => {
	const sandbox = useSandbox();

	test('by reference number returns one item per payment, unchanged', async () => {
		const [paid] = sandbox.current.transactions;

		const result = await runPaynet({ sandbox: sandbox.current, rows: [{ reference: 'ORD-1005' }], parameters: byReference });

		expect(result.error).toBeUndefined();
		expect(sandbox.current.requestsTo(CHECK)[0].rawBody).toBe('{"reference_no":"ORD-1005"}');
		expect(result.items(PAYNET_NODE)).toEqual([{ json: paid, pairedItem: { item: 0 } }]);
		expect(paid.is_succeed).toBe(true);
	});

	test('by transaction ID sends xact_id', async () => {
		const { transaction } = await sandbox.current.pay({ reference_no: 'ORD-1002' });

		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: [{ xact: transaction.xact_id }],
			parameters: { ...byReference, identifierType: 'transactionId', identifier: '={{ $json.xact }}' },
		});

		expect(sandbox.current.requestsTo(CHECK)[0].body).toEqual({ xact_id: transaction.xact_id });
		expect(result.items(PAYNET_NODE)!.map((item) => item.json.reference_no)).toEqual(['ORD-1002']);
	});

	test('failed and successful attempts come out as separate items', async () => {
		await sandbox.current.pay({ reference_no: 'ORD-1002' }, { is_succeed: false });
		await sandbox.current.pay({ reference_no: 'ORD-1002' });

		const result = await runPaynet({ sandbox: sandbox.current, rows: [{ reference: 'ORD-1002' }], parameters: byReference });

		expect(result.items(PAYNET_NODE)!.map((item) => item.json.is_succeed)).toEqual([false, true]);
	});

	test('unpaid reference number is an error that says no payment was found', async () => {
		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: [{ reference: 'ORD-1005' }, { reference: 'ORD-1001' }],
			parameters: byReference,
			continueOnFail: true,
		});

		const output = result.items(PAYNET_NODE)!;
		expect(output[0].json.is_succeed).toBe(true);
		expect(output[1].json).toMatchObject({ resultCode: 12, paynetMessage: 'Kayıt bulunamadı' });
		expect(output[1].pairedItem).toEqual({ item: 1 });
		expect(output[1].json.description).toContain('No payment has the reference number "ORD-1001"');
	});

	test('empty transaction ID is rejected before any request', async () => {
		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: [{ xact: '' }],
			parameters: { ...byReference, identifierType: 'transactionId', identifier: '={{ $json.xact }}' },
		});

		expect(result.error?.message).toBe('The Transaction ID is empty [item 0]');
		expect(sandbox.current.requests).toHaveLength(0);
	});

	test('secret key appears in no output or error', async () => {
		const texts = [
			everythingIn(await runPaynet({ sandbox: sandbox.current, rows: [{ reference: 'ORD-1005' }], parameters: byReference })),
			everythingIn(await runPaynet({ sandbox: sandbox.current, rows: [{ reference: 'ORD-1001' }], parameters: byReference })),
		];

		expect(texts.join('\n')).toContain('ORD-1005');
		for (const text of texts) expect(text).not.toContain(SANDBOX_SECRET_KEY);
	});
});
