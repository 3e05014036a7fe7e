// Transaction → Check: returns the payments Paynet recorded for a reference number or a transaction
// ID, one output item per payment with Paynet's fields unchanged. A workflow uses it to confirm a
// payment (for example its is_succeed and amount) before acting on it.
// Paynet documentation: https://doc.paynet.com.tr/english/transaction/payment-check
import type { IDataObject } from 'n8n-workflow';

import { paynetApiRequest, type PaynetContext } from '../../transport';
import {
	TRANSACTION_IDENTIFIER,
	identifierFields,
	notFoundHint,
	readIdentifier,
	type RecordIdentifier,
} from '../common/identifier';
import type { PaynetOperation } from '../types';

/** Sends Paynet's payment check and returns its rows (`Data`), which may be empty. */
export async function checkTransaction(
	this: PaynetContext,
	identifier: RecordIdentifier,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const response = await paynetApiRequest.call(this, 'v1/transaction/check', { ...identifier }, {
		itemIndex,
		failureHint: notFoundHint(identifier, 'payment'),
	});
	return Array.isArray(response.Data) ? (response.Data as IDataObject[]) : [];
}

export const check: PaynetOperation<RecordIdentifier> = {
	description: identifierFields(TRANSACTION_IDENTIFIER, 'check'),

	prepare(itemIndex) {
		return readIdentifier.call(this, itemIndex, TRANSACTION_IDENTIFIER);
	},

	async execute(identifier, itemIndex): Promise<IDataObject[]> {
		return await checkTransaction.call(this, identifier, itemIndex);
	},
};
