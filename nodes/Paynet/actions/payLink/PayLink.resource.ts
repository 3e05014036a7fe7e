// The PayLink resource: its operation list and the fields of each operation.
import type { INodeProperties } from 'n8n-workflow';

import type { PaynetOperation } from '../types';
import { create } from './create.operation';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { updateStatus } from './updateStatus.operation';

export const payLinkOperations: Record<string, PaynetOperation<any>> = {
	create,
	get,
	getMany,
	updateStatus,
};

export const payLinkDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['payLink'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description:
					'Create a payment page for one payer and amount and get its URL; Paynet can also send it by email or SMS',
				action: 'Create a paylink',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get one PayLink, with its status and payment, by its ID or reference number',
				action: 'Get a paylink',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the PayLinks created in a date range',
				action: 'Get many paylinks',
			},
			{
				name: 'Update Status',
				value: 'updateStatus',
				description: 'Re-open a PayLink for payment or make it passive so it can no longer be paid',
				action: 'Update the status of a paylink',
			},
		],
		// Update Status was the only operation of version 1.0, and n8n leaves parameters at their
		// default out of saved workflows, so changing the default would change those workflows.
		default: 'updateStatus',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...updateStatus.description,
];
