// The Transaction resource: payments that customers made, and the operations that read them.
import type { INodeProperties } from 'n8n-workflow';

import type { PaynetOperation } from '../types';
import { check } from './check.operation';

export const transactionOperations: Record<string, PaynetOperation<any>> = {
	check,
};

export const transactionDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['transaction'] } },
		options: [
			{
				name: 'Check',
				value: 'check',
				description:
					'Confirm with Paynet that a payment was made, by the reference number of its PayLink or by its transaction ID, before acting on it',
				action: 'Check a payment',
			},
		],
		default: 'check',
	},
	...check.description,
];
