// The Paynet node: its description, and a router that runs the chosen operation for every item.
import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { payLinkDescription } from './actions/payLink/PayLink.resource';
import { router } from './actions/router';
import { transactionDescription } from './actions/transaction/Transaction.resource';

export class Paynet implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Paynet',
		name: 'paynet',
		icon: { light: 'file:paynet.svg', dark: 'file:paynet.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Create and manage Paynet PayLinks, the hosted payment pages Paynet sends to your customers, and check their payments',
		defaults: {
			name: 'Paynet',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'paynetApi',
				required: true,
			},
		],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'PayLink',
						value: 'payLink',
						description: 'A hosted payment page for one payer and amount',
					},
					{
						name: 'Transaction',
						value: 'transaction',
						description: 'A payment a customer made, for example by paying a PayLink',
					},
				],
				default: 'payLink',
			},
			...payLinkDescription,
			...transactionDescription,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
