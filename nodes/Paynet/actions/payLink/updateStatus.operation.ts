// PayLink → Update Status: re-opens a PayLink for payment or makes it passive.
// Paynet documentation: https://doc.paynet.com.tr/oedeme-metotlari/ortak-odeme-sayfasi/paylink-durum-guncelleme
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { itemLabel, paynetApiRequest } from '../../transport';
import {
	notFoundHint,
	payLinkIdentifierFields,
	readPayLinkIdentifier,
	type PayLinkIdentifier,
} from '../common/identifier';
import type { PaynetOperation } from '../types';

/** The statuses Paynet's status_update accepts: 0 awaiting payment, 3 passive. */
export const PAYLINK_STATUSES = { awaitingPayment: 0, passive: 3 } as const;

const ALLOWED_STATUSES: readonly number[] = Object.values(PAYLINK_STATUSES);

const description: INodeProperties[] = [
	...payLinkIdentifierFields('updateStatus'),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		displayOptions: { show: { resource: ['payLink'], operation: ['updateStatus'] } },
		options: [
			{
				name: 'Awaiting Payment',
				value: PAYLINK_STATUSES.awaitingPayment,
				description:
					'Paynet status 0: the PayLink is open again and the customer can pay it. Use it to re-activate a passive PayLink.',
			},
			{
				name: 'Passive',
				value: PAYLINK_STATUSES.passive,
				description:
					'Paynet status 3: the PayLink is closed and the customer can no longer pay it. Use it to cancel a PayLink, for example when the order is cancelled or paid another way.',
			},
		],
		default: 3,
		description:
			'The new status of the PayLink. From an expression, use 0 (Awaiting Payment) or 3 (Passive), as a number or as text.',
	},
];

interface UpdateStatusInput {
	identifier: PayLinkIdentifier;
	status: number;
}

function readStatus(this: IExecuteFunctions, itemIndex: number): number {
	const raw = this.getNodeParameter('status', itemIndex) as unknown;
	const text = typeof raw === 'string' ? raw.trim() : raw;
	const status = typeof text === 'string' && /^\d+$/.test(text) ? Number(text) : text;

	if (typeof status !== 'number' || !ALLOWED_STATUSES.includes(status)) {
		throw new NodeOperationError(
			this.getNode(),
			raw === undefined || raw === null || text === ''
				? `The status is empty${itemLabel(itemIndex)}`
				: `The status ${JSON.stringify(raw)} is not valid${itemLabel(itemIndex)}`,
			{
				itemIndex,
				description:
					'Allowed values: 0 (Awaiting Payment) or 3 (Passive), as a number or as text. Pick one in the Status field or fix the expression.',
			},
		);
	}
	return status;
}

export const updateStatus: PaynetOperation<UpdateStatusInput> = {
	description,

	prepare(itemIndex) {
		return {
			identifier: readPayLinkIdentifier.call(this, itemIndex),
			status: readStatus.call(this, itemIndex),
		};
	},

	async execute({ identifier, status }, itemIndex): Promise<IDataObject> {
		return await paynetApiRequest.call(
			this,
			'v1/mailorder/status_update',
			{ ...identifier, status },
			{ itemIndex, failureHint: notFoundHint(identifier) },
		);
	},
};
