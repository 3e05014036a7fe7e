// PayLink → Get Many: the date range, Paynet's index paging for Return All, Limit, and the bound
// that stops a server which never stops reporting more pages.
import { MAX_LIST_PAGES } from '../nodes/Paynet/actions/payLink/getMany.operation';
import { PAYNET_NODE, runPaynet, useSandbox, type Sandbox } from './helpers';

const LIST = '/v1/mailorder/list';
const DAY = '2026-12-01';

/** Adds `count` PayLinks created on DAY, with reference numbers BULK-01 and up. */
function addPayLinks(sandbox: Sandbox, count: number) {
	for (let index = 1; index <= count; index++) {
		const number = String(index).padStart(2, '0');
		sandbox.payLinks.push({
			id: `bulk-${number}`,
			reference_no: `BULK-${number}`,
			name_surname: 'Gülşen Yıldız',
			amount: index,
			status: 0,
			create_date: `${DAY} 09:${number}:00`,
			expire_date: 24,
		});
	}
}

const listDay = {
	resource: 'payLink',
	operation: 'getMany',
	startDate: `${DAY}T00:00:00`,
	endDate: `${DAY}T00:00:00`,
};

describe('PayLink → Get Many', () => {
	const sandbox = useSandbox();

	test('Return All follows paging across several pages', async () => {
		addPayLinks(sandbox.current, 23);

		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: [{}],
			parameters: { ...listDay, returnAll: true, options: { pageSize: 10 } },
		});

		expect(result.error).toBeUndefined();
		const output = result.items(PAYNET_NODE)!;
		expect(output.map((item) => item.json.reference_no)).toEqual(
			Array.from({ length: 23 }, (_value, index) => `BULK-${String(index + 1).padStart(2, '0')}`),
		);
		expect(output.every((item) => item.pairedItem.item === 0)).toBe(true);
		expect(output[0].json).toMatchObject({ id: 'bulk-01', name_surname: 'Gülşen Yıldız', url: `${sandbox.current.url}/paylink/bulk-01` });
		expect(sandbox.current.requestsTo(LIST).map((request) => request.body)).toEqual([
			{ datab: DAY, datbi: DAY, limit: 10 },
			{ datab: DAY, datbi: DAY, limit: 10, starting_after: 10 },
			{ datab: DAY, datbi: DAY, limit: 10, starting_after: 20 },
		]);
	});

	test('Limit stops early and asks only for what is left', async () => {
		addPayLinks(sandbox.current, 23);

		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: [{}],
			parameters: { ...listDay, returnAll: false, limit: 15, options: { pageSize: 10 } },
		});

		expect(result.items(PAYNET_NODE)!.map((item) => item.json.reference_no)).toHaveLength(15);
		expect(result.items(PAYNET_NODE)![14].json.reference_no).toBe('BULK-15');
		expect(sandbox.current.requestsTo(LIST).map((request) => [request.body.limit, request.body.starting_after])).toEqual([
			[10, undefined],
			[5, 10],
		]);
	});

	test('Limit within one page sends one request of that size', async () => {
		addPayLinks(sandbox.current, 23);

		const result = await runPaynet({ sandbox: sandbox.current, rows: [{}], parameters: { ...listDay, limit: 3 } });

		expect(result.items(PAYNET_NODE)!).toHaveLength(3);
		expect(sandbox.current.requestsTo(LIST).map((request) => request.body.limit)).toEqual([3]);
	});

	test('date range filters by creation day and accepts several date forms', async () => {
		const rows = [
			{ from: '2026-11-03', to: '2026-11-08' },
			{ from: '03.11.2026', to: '2026-11-08T23:59:59.000+03:00' },
		];

		const result = await runPaynet({
			sandbox: sandbox.current,
			rows,
			parameters: { ...listDay, startDate: '={{ $json.from }}', endDate: '={{ $json.to }}', returnAll: true },
		});

		expect(result.error).toBeUndefined();
		const output = result.items(PAYNET_NODE)!;
		const byInput = [0, 1].map((item) => output.filter((entry) => entry.pairedItem.item === item).map((entry) => entry.json.reference_no));
		expect(byInput).toEqual([
			['ORD-1002', 'ORD-1003', 'ORD-1004'],
			['ORD-1002', 'ORD-1003', 'ORD-1004'],
		]);
		expect(sandbox.current.requestsTo(LIST).map((request) => [request.body.datab, request.body.datbi])).toEqual([
			['2026-11-03', '2026-11-08'],
			['2026-11-03', '2026-11-08'],
		]);
	});

	test('$today dates use the workflow time zone', async () => {
		await runPaynet({
			sandbox: sandbox.current,
			rows: [{}],
			parameters: { ...listDay, startDate: '={{ $today.minus({ days: 1 }) }}', endDate: '={{ $today }}' },
		});

		const [request] = sandbox.current.requestsTo(LIST);
		const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul' }).format(new Date());
		expect(request.body.datbi).toBe(today);
		expect(request.body.datab < request.body.datbi).toBe(true);
	});

	test('empty period gives no items and no error', async () => {
		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: [{}],
			parameters: { ...listDay, startDate: '2020-01-01', endDate: '2020-01-31', returnAll: true },
		});

		expect(result.error).toBeUndefined();
		expect(result.items(PAYNET_NODE)).toEqual([]);
		expect(sandbox.current.requestsTo(LIST)).toHaveLength(1);
	});

	test.each([
		['start after end', { startDate: '2026-11-09', endDate: '2026-11-01' }, 'The Start Date 2026-11-09 is after the End Date 2026-11-01 [item 0]'],
		['start from an empty expression', { startDate: '={{ $json.missing }}' }, 'The Start Date is empty [item 0]'],
		['impossible date', { endDate: '2026-02-30' }, 'The End Date is "2026-02-30", which is not a date [item 0]'],
		['US-style date', { endDate: '11/30/2026' }, 'The End Date is "11/30/2026", which is not a date [item 0]'],
		['limit of zero', { limit: 0 }, 'The Limit 0 is not valid [item 0]'],
	])('%s is rejected before any request', async (_case, change, message) => {
		const result = await runPaynet({ sandbox: sandbox.current, rows: [{}], parameters: { ...listDay, ...change } });

		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(message);
		expect(sandbox.current.requests).toHaveLength(0);
	});

	test('agent ID option is sent as a filter', async () => {
		await runPaynet({ sandbox: sandbox.current, rows: [{}], parameters: { ...listDay, options: { agentId: 'BAYI01' } } });

		expect(sandbox.current.requestsTo(LIST)[0].body.agent_id).toBe('BAYI01');
	});

	test('server that never stops reporting more pages hits the page bound', async () => {
		addPayLinks(sandbox.current, 1);
		sandbox.current.addFault({ path: LIST, repeatFirstPage: true });

		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: [{}],
			parameters: { ...listDay, returnAll: true, options: { pageSize: 1 } },
		});

		expect(result.error?.message).toBe(`Paynet still reported more PayLinks after ${MAX_LIST_PAGES} pages [item 0]`);
		expect(result.error?.description).toContain('Narrow the date range');
		expect(sandbox.current.requestsTo(LIST)).toHaveLength(MAX_LIST_PAGES);
	}, 60_000);

	test('empty page that still reports more stops with a clear error', async () => {
		sandbox.current.addFault({ path: LIST, alwaysHasMore: true });

		const result = await runPaynet({
			sandbox: sandbox.current,
			rows: [{}],
			parameters: { ...listDay, returnAll: true },
		});

		expect(result.error?.message).toBe('Paynet reported more PayLinks but sent an empty page [item 0]');
		expect(sandbox.current.requestsTo(LIST)).toHaveLength(1);
	});
});
