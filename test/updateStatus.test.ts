// PayLink → Update Status, run in n8n-core's engine against the local Paynet sandbox.
import {
	PAYNET_NODE,
	SANDBOX_PUBLISHABLE_KEY,
	SANDBOX_SECRET_KEY,
	everythingIn,
	runPaynet,
	useSandbox,
} from './helpers';

const STATUS_UPDATE = '/v1/mailorder/status_update';

const byReference = {
	resource: 'payLink',
	operation: 'updateStatus',
	identifierType: 'referenceNo',
	identifier: '={{ $json.reference }}',
	status: '={{ $json.status }}',
};

describe('PayLink → Update Status', () => {
	const sandbox = useSandbox();

	test('many items with expressions send one request each, in order', async () => {
		const rows = [
			{ reference: 'ORD-1001', status: 3 },
			{ reference: 'ORD-1003', status: '0' },
			{ reference: '  ORD-1004  ', status: ' 3 ' },
			{ reference: 'ORD-1002', status: 3 },
		];

		const result = await runPaynet({ sandbox: sandbox.current, rows, parameters: byReference });

		expect(result.error).toBeUndefined();
		const bodies = sandbox.current.requestsTo(STATUS_UPDATE).map((request) => request.body);
		expect(bodies).toEqual([
			{ reference_no: 'ORD-1001', status: 3 },
			{ reference_no: 'ORD-1003', status: 0 },
			{ reference_no: 'ORD-1004', status: 3 },
			{ reference_no: 'ORD-1002', status: 3 },
		]);
		const statuses = Object.fromEntries(
			sandbox.current.payLinks.map((link) => [link.reference_no, link.status]),
		);
		expect(statuses).toMatchObject({ 'ORD-1001': 3, 'ORD-1002': 3, 'ORD-1003': 0, 'ORD-1004': 3 });
	});

	test('status is sent as a JSON number for number and text input', async () => {
		const rows = [
			{ reference: 'ORD-1001', status: '3' },
			{ reference: 'ORD-1003', status: 0 },
		];

		await runPaynet({ sandbox: sandbox.current, rows, parameters: byReference });

		const rawBodies = sandbox.current.requestsTo(STATUS_UPDATE).map((request) => request.rawBody);
		expect(rawBodies).toEqual([
			'{"reference_no":"ORD-1001","status":3}',
			'{"reference_no":"ORD-1003","status":0}',
		]);
	});

	test('every output item is paired with its input item', async () => {
		const rows = ['ORD-1001', 'ORD-1002', 'ORD-1004'].map((reference) => ({ reference, status: 3 }));

		const result = await runPaynet({ sandbox: sandbox.current, rows, parameters: byReference });

		const output = result.items(PAYNET_NODE)!;
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output.map((item) => item.json)).toEqual(
			rows.map(() => ({ object_name: 'mailorder_update_status', code: 0, message: 'Başarılı İşlem' })),
		);
	});

	test('by ID sends id and no reference_no', async () => {
		const id = '6f1c2a9e-1d4b-4c55-9a61-0b7d3e2f1a01';

		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: [{ id }],
			parameters: { ...byReference, identifierType: 'id', identifier: '={{ $json.id }}', status: 3 },
		});

		expect(result.error).toBeUndefined();
		expect(sandbox.current.requestsTo(STATUS_UPDATE).map((request) => request.body)).toEqual([{ id, status: 3 }]);
		expect(sandbox.current.payLinks.find((link) => link.id === id)!.status).toBe(3);
	});

	test('fixed parameters apply to every item', async () => {
		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: [{}, {}],
			parameters: { ...byReference, identifier: 'ORD-1003', status: 0 },
		});

		expect(result.error).toBeUndefined();
		expect(result.items(PAYNET_NODE)!.map((item) => item.json.code)).toEqual([0, 100]);
	});

	test('Authorization header is Basic followed by the raw secret key', async () => {
		await runPaynet({ sandbox: sandbox.current, rows: [{ reference: 'ORD-1001', status: 3 }], parameters: byReference });

		const [request] = sandbox.current.requestsTo(STATUS_UPDATE);
		expect(SANDBOX_SECRET_KEY).toMatch(/[/+]/);
		expect(request.headers.authorization).toBe(`Basic ${SANDBOX_SECRET_KEY}`);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
	});

	test('result code 100 counts as success and is passed on', async () => {
		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: [{ reference: 'ORD-1003', status: 3 }],
			parameters: byReference,
		});

		expect(result.error).toBeUndefined();
		expect(result.items(PAYNET_NODE)![0].json).toEqual({
			object_name: 'mailorder_update_status',
			code: 100,
			message: 'Bu işlem daha önce başarıyla yapılmış',
		});
	});

	test('unknown PayLink stops the run with result code 12', async () => {
		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: [{ reference: 'NO-SUCH-ORDER', status: 3 }],
			parameters: byReference,
		});

		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('Paynet rejected the request: Kayıt bulunamadı (result code 12) [item 0]');
		expect(result.error?.description).toContain('Result code 12 (nodata)');
		expect(result.error?.description).toContain('reference number "NO-SUCH-ORDER"');
	});

	test('On Error Continue turns failures into paired error items and goes on', async () => {
		const rows = [
			{ reference: 'ORD-1001', status: 3 },
			{ reference: 'NO-SUCH-ORDER', status: 3 },
			{ reference: '', status: 3 },
			{ reference: 'ORD-1004', status: 'passive' },
			{ reference: 'ORD-1005', status: 3 },
			{ reference: 'ORD-1003', status: 0 },
		];

		const result = await runPaynet({ sandbox: sandbox.current, rows, parameters: byReference, continueOnFail: true });

		expect(result.error).toBeUndefined();
		const output = result.items(PAYNET_NODE)!;
		expect(output).toHaveLength(rows.length);
		expect(output.map((item) => item.pairedItem)).toEqual(rows.map((_row, item) => ({ item })));
		expect(output[0].json.code).toBe(0);
		expect(output[1].json).toMatchObject({ resultCode: 12, paynetMessage: 'Kayıt bulunamadı', httpCode: '200' });
		expect(output[1].json.error).toContain('[item 1]');
		expect(output[2].json.error).toBe('The Reference Number is empty [item 2]');
		expect(output[3].json.error).toBe('The status "passive" is not valid [item 3]');
		expect(output[3].json.description).toContain('0 (Awaiting Payment) or 3 (Passive)');
		expect(output[4].json).toMatchObject({ resultCode: 1, paynetMessage: 'Ödenmiş PayLink güncellenemez' });
		expect(output[5].json.code).toBe(0);
		// The two items with bad input were never sent.
		expect(sandbox.current.requestsTo(STATUS_UPDATE).map((request) => request.body.reference_no)).toEqual([
			'ORD-1001',
			'NO-SUCH-ORDER',
			'ORD-1005',
			'ORD-1003',
		]);
	});

	test.each([
		['a word', 'passive', 'The status "passive" is not valid [item 1]'],
		['an unsupported number', 2, 'The status 2 is not valid [item 1]'],
		['a decimal', 3.5, 'The status 3.5 is not valid [item 1]'],
		['an empty value', '', 'The status is empty [item 1]'],
		['spaces', '  ', 'The status is empty [item 1]'],
		['an object', { status: 3 }, 'The status {"status":3} is not valid [item 1]'],
	])('status as %s is rejected before any request', async (_case, status, message) => {
		const rows = [
			{ reference: 'ORD-1001', status: 3 },
			{ reference: 'ORD-1004', status },
		];

		const result = await runPaynet({ sandbox: sandbox.current, rows, parameters: byReference });

		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(message);
		expect(result.error?.description).toContain('Allowed values: 0 (Awaiting Payment) or 3 (Passive)');
		expect(sandbox.current.requests).toHaveLength(0);
	});

	test.each([
		['empty', ''],
		['only spaces', '   '],
		['missing', undefined],
	])('identifier that is %s is rejected before any request', async (_case, reference) => {
		const rows = [
			{ reference: 'ORD-1001', status: 3 },
			{ reference, status: 3 },
		];

		const result = await runPaynet({ sandbox: sandbox.current, rows, parameters: byReference });

		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe('The Reference Number is empty [item 1]');
		expect(sandbox.current.requests).toHaveLength(0);
	});

	test('numeric reference number from an expression is sent as text', async () => {
		sandbox.current.payLinks.push({ ...sandbox.current.payLinks[0], id: 'numeric', reference_no: '20261204', status: 0 });

		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: [{ reference: 20261204, status: 3 }],
			parameters: byReference,
		});

		expect(result.error).toBeUndefined();
		expect(sandbox.current.requestsTo(STATUS_UPDATE)[0].rawBody).toBe('{"reference_no":"20261204","status":3}');
	});

	test('wrong key fails with HTTP 401, result code 7 and the environment', async () => {
		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: [{ reference: 'ORD-1001', status: 3 }],
			parameters: byReference,
			credential: { secretKey: 'sck_wrong_key', environment: 'custom', baseUrl: sandbox.current.url },
		});

		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe(
			'The Paynet server at the custom Base URL rejected the secret key (HTTP 401): Yetkisiz erişim: gizli anahtar geçersiz [item 0]',
		);
		expect(result.error?.description).toContain('Result code 7 (unauthorized)');
		expect(result.error?.description).toContain('The credential uses the Paynet server at the custom Base URL.');
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.context).toMatchObject({ resultCode: 7, paynetErrorType: 'authorization_error' });
		expect(sandbox.current.payLinks[0].status).toBe(0);
	});

	test('rejected key stops sending the remaining items', async () => {
		const rows = ['ORD-1001', 'ORD-1002', 'ORD-1004'].map((reference) => ({ reference, status: 3 }));

		const result = await runPaynet({
			sandbox: sandbox.current,
			rows,
			parameters: byReference,
			continueOnFail: true,
			credential: { secretKey: 'sck_wrong_key', environment: 'custom', baseUrl: sandbox.current.url },
		});

		expect(sandbox.current.requests).toHaveLength(1);
		const output = result.items(PAYNET_NODE)!;
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json).toMatchObject({ resultCode: 7, httpCode: '401' });
		expect(output[1].json.error).toBe('Not sent, because Paynet rejected the secret key for item 0 [item 1]');
		expect(output[2].json.error).toBe('Not sent, because Paynet rejected the secret key for item 0 [item 2]');
	});

	test('Base URL with a path gets a hint about the address', async () => {
		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: [{ reference: 'ORD-1001', status: 3 }],
			parameters: byReference,
			credential: { secretKey: SANDBOX_SECRET_KEY, environment: 'custom', baseUrl: `${sandbox.current.url}/v1` },
		});

		expect(result.error?.message).toBe('Paynet returned HTTP 404: Servis bulunamadı [item 0]');
		expect(result.error?.description).toContain(
			`HTTP 404 can also mean that ${sandbox.current.url}/v1/v1/mailorder/status_update is not a Paynet address: check the credential's Base URL.`,
		);
	});

	test('publishable key is refused before sending anything', async () => {
		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: [{ reference: 'ORD-1001', status: 3 }],
			parameters: byReference,
			credential: { secretKey: SANDBOX_PUBLISHABLE_KEY, environment: 'custom', baseUrl: sandbox.current.url },
		});

		expect(result.error?.message).toBe(
			'The Paynet API credential holds the publishable key, not the secret key [item 0]',
		);
		expect(result.error?.description).toContain('starts with sck_');
		expect(sandbox.current.requests).toHaveLength(0);
	});

	test('custom Base URL with a trailing slash reaches the same endpoint', async () => {
		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: [{ reference: 'ORD-1001', status: 3 }],
			parameters: byReference,
			credential: { secretKey: SANDBOX_SECRET_KEY, environment: 'custom', baseUrl: `${sandbox.current.url}/ ` },
		});

		expect(result.error).toBeUndefined();
		expect(sandbox.current.requests.map((request) => request.path)).toEqual([STATUS_UPDATE]);
	});

	test('custom environment without a Base URL is a clear error', async () => {
		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: [{ reference: 'ORD-1001', status: 3 }],
			parameters: byReference,
			credential: { secretKey: SANDBOX_SECRET_KEY, environment: 'custom', baseUrl: '' },
		});

		expect(result.error?.message).toBe('The Paynet API credential has no valid Base URL [item 0]');
	});

	test('HTTP 500 keeps Paynet type, message and result code', async () => {
		sandbox.current.addFault({ httpStatus: 500, message: 'Beklenmeyen hata', resultCode: 8 });

		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: [{ reference: 'ORD-1001', status: 3 }],
			parameters: byReference,
			continueOnFail: true,
		});

		expect(result.items(PAYNET_NODE)![0].json).toMatchObject({
			error: 'Paynet returned HTTP 500: Beklenmeyen hata [item 0]',
			resultCode: 8,
			paynetMessage: 'Beklenmeyen hata',
			paynetErrorType: 'api_error',
			httpCode: '500',
		});
		expect(result.items(PAYNET_NODE)![0].json.description).toContain('Result code 8 (servererror)');
	});

	test('HTTP 200 with a failure code is an error, not a success', async () => {
		sandbox.current.addFault({ resultCode: 6, message: 'İşlem yapılamadı', times: 1 });

		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: [
				{ reference: 'ORD-1001', status: 3 },
				{ reference: 'ORD-1004', status: 3 },
			],
			parameters: byReference,
			continueOnFail: true,
		});

		const output = result.items(PAYNET_NODE)!;
		expect(output[0].json).toMatchObject({ resultCode: 6, paynetMessage: 'İşlem yapılamadı', httpCode: '200' });
		expect(output[0].json.error).toBe('Paynet rejected the request: İşlem yapılamadı (result code 6) [item 0]');
		expect(output[1].json.code).toBe(0);
	});

	test('malformed body is an error that shows what came back', async () => {
		sandbox.current.addFault({ malformedBody: true });

		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: [{ reference: 'ORD-1001', status: 3 }],
			parameters: byReference,
		});

		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('Paynet returned a body that is not a JSON object [item 0]');
		expect(result.error?.description).toContain('<html>Bad Gateway</html>');
	});

	test('slow answers are waited for', async () => {
		sandbox.current.addFault({ latencyMs: 300 });

		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: [{ reference: 'ORD-1001', status: 3 }],
			parameters: byReference,
		});

		expect(result.error).toBeUndefined();
		expect(result.items(PAYNET_NODE)![0].json.code).toBe(0);
	});

	test('unreachable host is a clear error naming the address', async () => {
		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: [{ reference: 'ORD-1001', status: 3 }],
			parameters: byReference,
			credential: { secretKey: SANDBOX_SECRET_KEY, environment: 'custom', baseUrl: 'http://127.0.0.1:9' },
		});

		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe(
			'Could not reach the Paynet server at the custom Base URL (http://127.0.0.1:9) [item 0]',
		);
		expect(result.error?.description).toContain('refused the connection');
	});

	test('secret key appears in no output item or error', async () => {
		const scenarios = [
			{ rows: [{ reference: 'ORD-1001', status: 3 }], continueOnFail: false },
			{ rows: [{ reference: 'NO-SUCH-ORDER', status: 3 }], continueOnFail: false },
			{ rows: [{ reference: 'NO-SUCH-ORDER', status: 3 }, { reference: 'x', status: 9 }], continueOnFail: true },
		];
		const texts: string[] = [];
		for (const scenario of scenarios) {
			texts.push(everythingIn(await runPaynet({ sandbox: sandbox.current, parameters: byReference, ...scenario })));
		}
		sandbox.current.addFault({ httpStatus: 502 });
		texts.push(
			everythingIn(
				await runPaynet({ sandbox: sandbox.current, rows: [{ reference: 'ORD-1001', status: 3 }], parameters: byReference }),
			),
		);
		sandbox.current.clearFaults();
		texts.push(
			everythingIn(
				await runPaynet({
					sandbox: sandbox.current,
					rows: [{ reference: 'ORD-1001', status: 3 }],
					parameters: byReference,
					credential: { secretKey: SANDBOX_SECRET_KEY, environment: 'custom', baseUrl: 'http://127.0.0.1:9' },
				}),
			),
		);

		expect(texts.join('\n')).toContain('Kayıt bulunamadı');
		for (const text of texts) {
			expect(text).not.toContain(SANDBOX_SECRET_KEY);
			expect(text).not.toContain('Q7v/2kP');
		}
	});
});
