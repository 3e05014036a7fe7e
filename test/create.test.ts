// PayLink → Create, run in n8n-core's engine against the local Paynet sandbox.
import { PAYNET_NODE, SANDBOX_SECRET_KEY, everythingIn, runPaynet, useSandbox } from './helpers';

const CREATE = '/v1/mailorder/create';

/** Create parameters that take every value from the item, as a sheet-driven workflow does. */
const fromItem = {
	resource: 'payLink',
	operation: 'create',
	payerName: '={{ $json.name }}',
	amount: '={{ $json.amount }}',
	referenceNumber: '={{ $json.reference }}',
};

describe('PayLink → Create', () => {
	const sandbox = useSandbox();

	test('fixed fields are sent with Paynet names and the URL is returned', async () => {
		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: [{}],
			parameters: {
				resource: 'payLink',
				operation: 'create',
				payerName: 'Ayşe Küçük',
				amount: 1250.5,
				referenceNumber: 'ORD-3001',
				sendByEmail: true,
				email: 'ayse@example.com',
				sendBySms: true,
				phone: '5321234567',
				validityHours: 72,
				note: 'Sipariş 3001',
				agentNote: 'n8n',
				successUrl: 'https://shop.example.com/paid',
				errorUrl: 'https://shop.example.com/failed',
				confirmationUrl: 'https://n8n.example.com/webhook/abc/paylink-paid',
				additionalFields: { addCommissionToAmount: true, agentId: 'BAYI01', userName: 'operations' },
			},
		});

		expect(result.error).toBeUndefined();
		expect(sandbox.current.requestsTo(CREATE)[0].body).toEqual({
			name_surname: 'Ayşe Küçük',
			amount: 1250.5,
			reference_no: 'ORD-3001',
			send_mail: true,
			send_sms: true,
			expire_date: 72,
			email: 'ayse@example.com',
			phone: '5321234567',
			agent_id: 'BAYI01',
			user_name: 'operations',
			note: 'Sipariş 3001',
			agent_note: 'n8n',
			succeed_url: 'https://shop.example.com/paid',
			error_url: 'https://shop.example.com/failed',
			confirmation_url: 'https://n8n.example.com/webhook/abc/paylink-paid',
			addcomission_to_amount: true,
		});
		const [item] = result.items(PAYNET_NODE)!;
		expect(item.json.url).toBe(`${sandbox.current.url}/paylink/${item.json.id}`);
		expect(item.json).toMatchObject({ code: 0, message: 'Başarılı İşlem', reference_no: 'ORD-3001' });
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	test('empty optional fields are left out of the request', async () => {
		await runPaynet({
			sandbox: sandbox.current,
			rows: [{ name: 'Ali Vural', amount: 10, reference: 'ORD-3002' }],
			parameters: fromItem,
		});

		expect(sandbox.current.requestsTo(CREATE)[0].rawBody).toBe(
			'{"name_surname":"Ali Vural","amount":10,"reference_no":"ORD-3002","send_mail":false,"send_sms":false,"expire_date":24}',
		);
	});

	test('expression values reach Paynet as JSON booleans and numbers', async () => {
		const rows = [
			{ amount: '150.50', mail: 'true', sms: 'false', hours: '48', commission: 'true' },
			{ amount: 99, mail: false, sms: 1, hours: 12, commission: false },
			{ amount: ' 75,5 ', mail: 0, sms: 'TRUE', hours: ' 6 ', commission: '0' },
		];

		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: rows.map((row, index) => ({ ...row, reference: `ORD-31${index}` })),
			parameters: {
				...fromItem,
				payerName: 'Zeynep Çelik',
				email: 'zeynep@example.com',
				phone: 5441112233,
				sendByEmail: '={{ $json.mail }}',
				sendBySms: '={{ $json.sms }}',
				validityHours: '={{ $json.hours }}',
				additionalFields: { addCommissionToAmount: '={{ $json.commission }}' },
			},
		});

		expect(result.error).toBeUndefined();
		const rawBodies = sandbox.current.requestsTo(CREATE).map((request) => request.rawBody);
		expect(rawBodies).toEqual([
			'{"name_surname":"Zeynep Çelik","amount":150.5,"reference_no":"ORD-310","send_mail":true,"send_sms":false,"expire_date":48,"email":"zeynep@example.com","phone":"5441112233","addcomission_to_amount":true}',
			'{"name_surname":"Zeynep Çelik","amount":99,"reference_no":"ORD-311","send_mail":false,"send_sms":true,"expire_date":12,"email":"zeynep@example.com","phone":"5441112233","addcomission_to_amount":false}',
			'{"name_surname":"Zeynep Çelik","amount":75.5,"reference_no":"ORD-312","send_mail":false,"send_sms":true,"expire_date":6,"email":"zeynep@example.com","phone":"5441112233","addcomission_to_amount":false}',
		]);
	});

	test.each([
		['150,50', 150.5],
		['150,5', 150.5],
		['0,99', 0.99],
		['150.50', 150.5],
		[' 150 ', 150],
		[0.1 + 0.2, 0.3],
	])('amount %p is sent as the number %p', async (amount, sent) => {
		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: [{ name: 'Ali Vural', amount, reference: 'ORD-3100' }],
			parameters: fromItem,
		});

		expect(result.error).toBeUndefined();
		const [request] = sandbox.current.requestsTo(CREATE);
		expect(request.body.amount).toBe(sent);
		expect(request.rawBody).toContain(`"amount":${sent},`);
	});

	test.each([
		['1.250,50', 'has a thousands separator or more than two decimals'],
		['1,250', 'has a thousands separator or more than two decimals'],
		['1.250', 'has a thousands separator or more than two decimals'],
		['150,505', 'has a thousands separator or more than two decimals'],
		['150 TL', 'is not a plain number'],
		['₺150', 'is not a plain number'],
		['-5', 'is not a plain number'],
		['', 'is empty'],
		[0, 'is not more than 0'],
		[10.005, 'has more than two decimals'],
		[null, 'is not a number'],
	])('amount %p is rejected before any request', async (amount, problem) => {
		const rows = [
			{ name: 'Ali Vural', amount: 10, reference: 'ORD-3200' },
			{ name: 'Ali Vural', amount, reference: 'ORD-3201' },
		];

		const result = await runPaynet({ sandbox: sandbox.current, rows, parameters: fromItem });

		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(`The amount ${JSON.stringify(amount)} ${problem} [item 1]`);
		expect(result.error?.description).toContain('such as 150.50');
		expect(sandbox.current.requests).toHaveLength(0);
	});

	test('send by email without an email sends nothing', async () => {
		const rows = [
			{ name: 'Ali Vural', amount: 10, reference: 'ORD-3300', email: 'ali@example.com' },
			{ name: 'Deniz Aydın', amount: 20, reference: 'ORD-3301', email: '' },
		];

		const result = await runPaynet({
			sandbox: sandbox.current,
			rows,
			parameters: { ...fromItem, sendByEmail: true, email: '={{ $json.email }}' },
		});

		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe('Send by Email is on but the Email is empty [item 1]');
		expect(result.error?.description).toContain('turn off Send by Email');
		expect(sandbox.current.requests).toHaveLength(0);
	});

	test('send by SMS without a phone sends nothing', async () => {
		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: [{ name: 'Ali Vural', amount: 10, reference: 'ORD-3302' }],
			parameters: { ...fromItem, sendBySms: true, phone: '={{ $json.phone }}' },
		});

		expect(result.error?.message).toBe('Send by SMS is on but the Phone is empty [item 0]');
		expect(sandbox.current.requests).toHaveLength(0);
	});

	test.each([
		['payer name', { name: '  ' }, 'The Payer Name is empty [item 0]'],
		['reference number', { reference: '' }, 'The Reference Number is empty [item 0]'],
		['email', { email: 'ayse.example.com' }, 'The Email "ayse.example.com" is not a valid email address [item 0]'],
		['send switch', { mail: 'yes' }, 'The Send by Email value "yes" is not true or false [item 0]'],
		['validity', { hours: 1.5 }, 'The Validity (Hours) 1.5 is not valid [item 0]'],
		['validity of zero', { hours: 0 }, 'The Validity (Hours) 0 is not valid [item 0]'],
		['confirmation URL', { confirmation: 'n8n.example.com/webhook' }, 'The Confirmation URL "n8n.example.com/webhook" is not a valid web address [item 0]'],
		['note', { note: { text: 'x' } }, 'The Note is {"text":"x"}, which is not text [item 0]'],
	])('invalid %s is rejected before any request', async (_case, change, message) => {
		const row = { name: 'Ali Vural', amount: 10, reference: 'ORD-3400', email: '', mail: false, hours: 24, confirmation: '', note: '', ...change };

		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: [row],
			parameters: {
				...fromItem,
				email: '={{ $json.email }}',
				sendByEmail: '={{ $json.mail }}',
				validityHours: '={{ $json.hours }}',
				confirmationUrl: '={{ $json.confirmation }}',
				note: '={{ $json.note }}',
			},
		});

		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(message);
		expect(sandbox.current.requests).toHaveLength(0);
	});

	test('repeated reference number surfaces result code 5 and creates nothing', async () => {
		const rows = [
			{ name: 'Ali Vural', amount: 10, reference: 'ORD-3500' },
			{ name: 'Ali Vural', amount: 10, reference: 'ORD-3500' },
		];

		const result = await runPaynet({ sandbox: sandbox.current, rows, parameters: fromItem, continueOnFail: true });

		const output = result.items(PAYNET_NODE)!;
		expect(output[0].json.code).toBe(0);
		expect(output[1].json).toMatchObject({
			error: 'Paynet rejected the request: Bu referans numarası ile daha önce kayıt oluşturulmuş (result code 5) [item 1]',
			resultCode: 5,
			paynetMessage: 'Bu referans numarası ile daha önce kayıt oluşturulmuş',
		});
		expect(output[1].json.description).toContain('Result code 5 (duplicatedata)');
		expect(output[1].json.description).toContain('A PayLink with the reference number "ORD-3500" already exists');
		expect(sandbox.current.payLinks.filter((link) => link.reference_no === 'ORD-3500')).toHaveLength(1);
	});

	test('fixture reference number is a duplicate and stops the run', async () => {
		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: [{ name: 'Ayşe Küçük', amount: 10, reference: 'ORD-1001' }],
			parameters: fromItem,
		});

		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toContain('(result code 5) [item 0]');
	});

	test('server error is not retried', async () => {
		sandbox.current.addFault({ path: CREATE, httpStatus: 500, times: 1 });

		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: [{ name: 'Ali Vural', amount: 10, reference: 'ORD-3600' }],
			parameters: fromItem,
			continueOnFail: true,
		});

		expect(result.items(PAYNET_NODE)![0].json).toMatchObject({ httpCode: '500', resultCode: 8 });
		expect(sandbox.current.requestsTo(CREATE)).toHaveLength(1);
		expect(sandbox.current.payLinks.some((link) => link.reference_no === 'ORD-3600')).toBe(false);
	});

	test('Retry On Fail on the node is refused before any request', async () => {
		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: [{ name: 'Ali Vural', amount: 10, reference: 'ORD-3700' }],
			parameters: fromItem,
			nodeSettings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 },
		});

		expect(result.error?.message).toBe('Retry On Fail is on for a node that creates PayLinks [item 0]');
		expect(result.error?.description).toContain('Turn off Retry On Fail');
		expect(sandbox.current.requests).toHaveLength(0);
	});

	test('On Error Continue pairs each created link and each rejected item', async () => {
		const rows = [
			{ name: 'Ali Vural', amount: 10, reference: 'ORD-3800' },
			{ name: 'Ali Vural', amount: '1.250,50', reference: 'ORD-3801' },
			{ name: 'Deniz Aydın', amount: '20,00', reference: 'ORD-3802' },
		];

		const result = await runPaynet({ sandbox: sandbox.current, rows, parameters: fromItem, continueOnFail: true });

		const output = result.items(PAYNET_NODE)!;
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json.url).toMatch(/\/paylink\//);
		expect(output[1].json.error).toBe('The amount "1.250,50" has a thousands separator or more than two decimals [item 1]');
		expect(output[2].json.url).toMatch(/\/paylink\//);
		expect(sandbox.current.requestsTo(CREATE).map((request) => request.body.amount)).toEqual([10, 20]);
	});

	test('secret key appears in no output or error', async () => {
		const texts = [
			everythingIn(await runPaynet({ sandbox: sandbox.current, rows: [{ name: 'A', amount: 10, reference: 'ORD-1001' }], parameters: fromItem })),
			everythingIn(await runPaynet({ sandbox: sandbox.current, rows: [{ name: 'A', amount: 10, reference: 'ORD-3900' }], parameters: fromItem })),
			everythingIn(await runPaynet({ sandbox: sandbox.current, rows: [{ name: 'A', amount: '1,250', reference: 'ORD-3901' }], parameters: fromItem })),
		];

		expect(texts.join('\n')).toContain('ORD-3900');
		for (const text of texts) expect(text).not.toContain(SANDBOX_SECRET_KEY);
	});
});
