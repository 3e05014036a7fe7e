// PayLink → Get, and Turkish text going through Create and back through Get unchanged.
import { PAYNET_NODE, runPaynet, useSandbox } from './helpers';

const DETAIL = '/v1/mailorder/detail';

const byReference = {
	resource: 'payLink',
	operation: 'get',
	identifierType: 'referenceNo',
	identifier: '={{ $json.reference }}',
};

describe('PayLink → Get', () => {
	const sandbox = useSandbox();

	test('by reference number returns Paynet fields unchanged', async () => {
		const result = await runPaynet({ sandbox: sandbox.current, rows: [{ reference: 'ORD-1002' }], parameters: byReference });

		expect(result.error).toBeUndefined();
		expect(sandbox.current.requestsTo(DETAIL)[0].rawBody).toBe('{"reference_no":"ORD-1002"}');
		const [item] = result.items(PAYNET_NODE)!;
		expect(item.json).toMatchObject({
			object_name: 'mailorder_detail',
			code: 0,
			id: '6f1c2a9e-1d4b-4c55-9a61-0b7d3e2f1a02',
			reference_no: 'ORD-1002',
			name_surname: 'Mehmet Öztürk',
			amount: 349.9,
			status: 0,
		});
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	test('by ID sends id only', async () => {
		const id = '6f1c2a9e-1d4b-4c55-9a61-0b7d3e2f1a03';

		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: [{}],
			parameters: { ...byReference, identifierType: 'id', identifier: id },
		});

		expect(sandbox.current.requestsTo(DETAIL)[0].body).toEqual({ id });
		expect(result.items(PAYNET_NODE)![0].json.reference_no).toBe('ORD-1003');
	});

	test('Turkish name and notes round-trip byte for byte through create and get', async () => {
		const name = 'Ayşe Küçük';
		const note = 'İĞÜŞÖÇ ığüşöç';
		const agentNote = 'Sipariş №42 — ödeme bekleniyor';

		const created = await runPaynet({
			sandbox: sandbox.current,
			rows: [{ name, note, agentNote }],
			parameters: {
				resource: 'payLink',
				operation: 'create',
				payerName: '={{ $json.name }}',
				amount: 150.5,
				referenceNumber: 'ORD-4001',
				note: '={{ $json.note }}',
				agentNote: '={{ $json.agentNote }}',
			},
		});
		const fetched = await runPaynet({ sandbox: sandbox.current, rows: [{ reference: 'ORD-4001' }], parameters: byReference });

		expect(created.error).toBeUndefined();
		const createBody = Buffer.from(sandbox.current.requestsTo('/v1/mailorder/create')[0].rawBody, 'utf8');
		for (const text of [name, note, agentNote]) {
			expect(createBody.includes(Buffer.from(JSON.stringify(text).slice(1, -1), 'utf8'))).toBe(true);
		}
		const payLink = fetched.items(PAYNET_NODE)![0].json;
		expect(Buffer.from(payLink.name_surname, 'utf8')).toEqual(Buffer.from(name, 'utf8'));
		expect(Buffer.from(payLink.note, 'utf8')).toEqual(Buffer.from(note, 'utf8'));
		expect(Buffer.from(payLink.agent_note, 'utf8')).toEqual(Buffer.from(agentNote, 'utf8'));
	});

	test('unknown reference number names it in the error', async () => {
		const result = await runPaynet({ sandbox: sandbox.current, rows: [{ reference: 'ORD-0000' }], parameters: byReference });

		expect(result.error?.message).toBe('Paynet rejected the request: Kayıt bulunamadı (result code 12) [item 0]');
		expect(result.error?.description).toContain('No PayLink has the reference number "ORD-0000"');
	});

	test('empty identifier is rejected before any request', async () => {
		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: [{ reference: 'ORD-1001' }, { reference: ' ' }],
			parameters: byReference,
		});

		expect(result.error?.message).toBe('The Reference Number is empty [item 1]');
		expect(sandbox.current.requests).toHaveLength(0);
	});
});
