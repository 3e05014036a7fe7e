// PayLink → Get: returns one PayLink with Paynet's fields unchanged, found by ID or reference number.
// Paynet documentation: https://doc.paynet.com.tr/oedeme-metotlari/ortak-odeme-sayfasi/paylink-detay
import type { IDataObject } from 'n8n-workflow';

import { paynetApiRequest } from '../../transport';
import {
	notFoundHint,
	payLinkIdentifierFields,
	readPayLinkIdentifier,
	type PayLinkIdentifier,
} from '../common/identifier';
import type { PaynetOperation } from '../types';

export const get: PaynetOperation<PayLinkIdentifier> = {
	description: payLinkIdentifierFields('get'),

	prepare(itemIndex) {
		return readPayLinkIdentifier.call(this, itemIndex);
	},

	async execute(identifier, itemIndex): Promise<IDataObject> {
		return await paynetApiRequest.call(this, 'v1/mailorder/detail', { ...identifier }, {
			itemIndex,
			failureHint: notFoundHint(identifier),
		});
	},
};
