// The PayLink resource: its operation list and the fields of each operation.
import type { INodeProperties } from 'n8n-workflow';

import type { PaynetOperation } from '../types';
import { updateStatus } from './updateStatus.operation';

export const payLinkOperations: Record<string, PaynetOperation<any>> = {
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
				name: 'Update Status',
				value: 'updateStatus',
				description: 'Re-open a PayLink for payment or make it passive so it can no longer be paid',
				action: 'Update the status of a paylink',
			},
		],
		default: 'updateStatus',
	},
	...updateStatus.description,
];
