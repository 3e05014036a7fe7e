// PayLink → Get Many: lists the PayLinks created in a date range, one output item per PayLink with
// Paynet's fields unchanged, following Paynet's index paging for Return All.
// Paynet documentation: https://doc.paynet.com.tr/oedeme-metotlari/ortak-odeme-sayfasi/emir-listesi
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { itemLabel, paynetApiRequest } from '../../transport';
import type { PaynetOperation } from '../types';
import { readBoolean, readDay, readInteger, readText } from '../common/values';

/**
 * Maximum number of list requests for one input item. Without it, a server that always returns
 * has_more: true would be paged forever. At the default page size the bound is 100,000 PayLinks.
 */
export const MAX_LIST_PAGES = 1000;

const DEFAULT_PAGE_SIZE = 100;

const show = { resource: ['payLink'], operation: ['getMany'] };

const description: INodeProperties[] = [
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'First day of the period, counted by the day each PayLink was created',
		displayOptions: { show },
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Last day of the period, included',
		displayOptions: { show },
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		description: 'Max number of results to return',
		displayOptions: { show: { ...show, returnAll: [false] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Agent ID',
				name: 'agentId',
				type: 'string',
				default: '',
				description: 'Only list the PayLinks of this Paynet dealer (agent)',
			},
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				default: DEFAULT_PAGE_SIZE,
				typeOptions: { minValue: 1 },
				description: 'How many PayLinks to ask Paynet for in each request',
			},
		],
	},
];

interface GetManyInput {
	filters: IDataObject;
	/** Undefined means Return All. */
	limit?: number;
	pageSize: number;
}

function isTrue(value: unknown): boolean {
	return value === true || value === 'true' || value === 1;
}

function pagingError(context: IExecuteFunctions, itemIndex: number, message: string, read: number): NodeOperationError {
	return new NodeOperationError(context.getNode(), `${message}${itemLabel(itemIndex)}`, {
		itemIndex,
		description: `Stopped after reading ${read} PayLinks so that the run cannot loop forever. Narrow the date range, or turn off Return All and set a Limit.`,
	});
}

export const getMany: PaynetOperation<GetManyInput> = {
	description,

	prepare(itemIndex) {
		const startDate = readDay.call(this, 'startDate', 'Start Date', itemIndex);
		const endDate = readDay.call(this, 'endDate', 'End Date', itemIndex);
		if (startDate > endDate) {
			throw new NodeOperationError(
				this.getNode(),
				`The Start Date ${startDate} is after the End Date ${endDate}${itemLabel(itemIndex)}`,
				{ itemIndex, description: 'Swap the two dates, or pick a Start Date on or before the End Date.' },
			);
		}

		const filters: IDataObject = { datab: startDate, datbi: endDate };
		const agentId = readText.call(this, 'options.agentId', 'Agent ID', itemIndex);
		if (agentId !== '') filters.agent_id = agentId;

		const returnAll = readBoolean.call(this, 'returnAll', 'Return All', itemIndex);
		const limit = returnAll ? undefined : readInteger.call(this, 'limit', 'Limit', itemIndex, 1);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const pageSize =
			options.pageSize === undefined ? DEFAULT_PAGE_SIZE : readInteger.call(this, 'options.pageSize', 'Page Size', itemIndex, 1);
		return { filters, limit, pageSize };
	},

	async execute({ filters, limit, pageSize }, itemIndex): Promise<IDataObject[]> {
		const rows: IDataObject[] = [];
		let startingAfter = 0;

		for (let page = 1; page <= MAX_LIST_PAGES; page++) {
			const requested = limit === undefined ? pageSize : Math.min(pageSize, limit - rows.length);
			// Paynet pages by row index: starting_after=15 with limit=15 returns rows 15 to 30.
			const body: IDataObject = { ...filters, limit: requested };
			if (startingAfter > 0) body.starting_after = startingAfter;
			const response = await paynetApiRequest.call(this, 'v1/mailorder/list', body, { itemIndex });

			const pageRows = Array.isArray(response.Data) ? (response.Data as IDataObject[]) : [];
			rows.push(...pageRows);
			if (limit !== undefined && rows.length >= limit) return rows.slice(0, limit);
			if (!isTrue(response.has_more)) return rows;
			if (pageRows.length === 0) {
				throw pagingError(this, itemIndex, 'Paynet reported more PayLinks but sent an empty page', rows.length);
			}
			startingAfter += pageRows.length;
		}

		throw pagingError(
			this,
			itemIndex,
			`Paynet still reported more PayLinks after ${MAX_LIST_PAGES} pages`,
			rows.length,
		);
	},
};
