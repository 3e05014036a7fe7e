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

export class Paynet implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Paynet',
		name: 'paynet',
		icon: { light: 'file:paynet.svg', dark: 'file:paynet.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage Paynet PayLinks, the hosted payment pages Paynet sends to your customers',
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
					},
				],
				default: 'payLink',
			},
			...payLinkDescription,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
