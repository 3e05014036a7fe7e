// Reads the JSON Paynet posts to a PayLink's confirmation_url and confirms it with Paynet's payment
// check, because Paynet does not sign these callbacks: anyone who learns the URL can post to it.
// Paynet documentation: https://doc.paynet.com.tr/oedeme-metotlari/ortak-odeme-sayfasi/odeme-emri-olusturma/confirmation-url-adresine-post-edilen-parametreler
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { readPaynetAmount } from '../Paynet/actions/common/values';
import type { RecordIdentifier } from '../Paynet/actions/common/identifier';
import { checkTransaction } from '../Paynet/actions/transaction/check.operation';

/** A callback body that has the shape of Paynet's confirmation. */
export interface PaynetCallback {
	payload: IDataObject;
	/** The reference number, from Paynet's `referance_no` (its spelling) or `reference_no`. */
	referenceNo?: string;
	/** Not in Paynet's documented payload, but used when present because it names one payment. */
	transactionId?: string;
}

export type Verification =
	| { outcome: 'confirmed'; transaction: IDataObject }
	| { outcome: 'unconfirmed' }
	| { outcome: 'unavailable' };

function readKey(payload: IDataObject, keys: string[]): string | undefined {
	for (const key of keys) {
		const value = payload[key];
		if ((typeof value === 'string' && value.trim() !== '') || (typeof value === 'number' && Number.isFinite(value))) {
			return String(value).trim();
		}
	}
	return undefined;
}

/** Reads the request body as a JSON object; returns undefined for anything else. */
export function readCallback(body: unknown): PaynetCallback | undefined {
	let payload: unknown = body;
	if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
		try {
			payload = JSON.parse(payload.toString());
		} catch {
			return undefined;
		}
	}
	if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;

	const object = payload as IDataObject;
	return {
		payload: object,
		referenceNo: readKey(object, ['referance_no', 'reference_no']),
		transactionId: readKey(object, ['xact_id']),
	};
}

/** Returns whether a success flag is explicitly false: a boolean, or 0 or "false" as some clients show it. */
export function isExplicitlyFalse(value: unknown): boolean {
	return value === false || value === 0 || value === '0' || (typeof value === 'string' && value.trim().toLowerCase() === 'false');
}

function present(value: unknown): boolean {
	return value !== undefined && value !== null && String(value).trim() !== '';
}

/**
 * Returns whether one row of Paynet's payment check matches the callback. A field must agree when both
 * sides have it: the reference number, the amount (read with a dot or a comma decimal), the bank's
 * authorisation code, the bank's order ID and the currency.
 */
function matchesCallback(row: IDataObject, callback: PaynetCallback): boolean {
	// NOTE: is_succeed in check rows is known from third-party clients only. A row without it is
	// taken as a completed payment, because the check returns payments, not attempts.
	if (isExplicitlyFalse(row.is_succeed)) return false;

	const rowReference = readKey(row, ['reference_no', 'agent_reference']);
	if (callback.referenceNo && rowReference && rowReference !== callback.referenceNo) return false;

	const callbackAmount = readPaynetAmount(callback.payload.amount);
	const rowAmount = readPaynetAmount(row.amount);
	if (callbackAmount !== undefined && rowAmount !== undefined && Math.abs(callbackAmount - rowAmount) > 0.005) {
		return false;
	}

	for (const field of ['authorization_code', 'order_id', 'currency']) {
		const callbackValue = callback.payload[field];
		const rowValue = row[field];
		if (present(callbackValue) && present(rowValue) && String(callbackValue).trim() !== String(rowValue).trim()) {
			return false;
		}
	}
	return true;
}

/**
 * Asks Paynet for the payments of the callback's transaction ID or reference number and returns
 * the one that matches the callback. Never throws: a failed check is reported as `unavailable`, so
 * the webhook can reply without passing any error text to the caller.
 */
export async function verifyCallback(this: IWebhookFunctions, callback: PaynetCallback): Promise<Verification> {
	const identifier: RecordIdentifier | undefined = callback.transactionId
		? { xact_id: callback.transactionId }
		: callback.referenceNo
			? { reference_no: callback.referenceNo }
			: undefined;
	if (!identifier) return { outcome: 'unconfirmed' };

	let rows: IDataObject[];
	try {
		rows = await checkTransaction.call(this, identifier);
	} catch (error) {
		// Result code 12 is Paynet's "no data": it has no payment with this reference.
		const resultCode = (error as { context?: IDataObject }).context?.resultCode;
		return resultCode === 12 ? { outcome: 'unconfirmed' } : { outcome: 'unavailable' };
	}

	const transaction = rows.find((row) => matchesCallback(row, callback));
	return transaction ? { outcome: 'confirmed', transaction } : { outcome: 'unconfirmed' };
}
