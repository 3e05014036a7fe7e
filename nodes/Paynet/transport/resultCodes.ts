// Paynet's result codes, as listed on Paynet's "Dönüş Kodları" page
// (https://doc.paynet.com.tr/genel-bilgiler/hata-kodlari/doenues-kodlari), with a meaning a merchant can act on.

export interface ResultCodeInfo {
	name: string;
	meaning: string;
}

const RESULT_CODES: Record<number, ResultCodeInfo> = {
	0: { name: 'successful', meaning: 'The request succeeded.' },
	1: { name: 'unsuccessful', meaning: 'Paynet could not carry out the request.' },
	2: { name: 'companyblocked', meaning: 'Your merchant account is blocked. Contact Paynet.' },
	3: { name: 'agentblocked', meaning: 'The dealer (agent) is blocked. Contact Paynet.' },
	4: { name: 'agentnotfound', meaning: 'Paynet has no dealer (agent) with this code.' },
	5: {
		name: 'duplicatedata',
		meaning: 'A record with the same unique value, such as the reference number, already exists.',
	},
	6: { name: 'noprocess', meaning: 'Paynet processed nothing for this request.' },
	7: {
		name: 'unauthorized',
		meaning:
			'Paynet rejected the secret key. Check the key, and check that the credential environment is the one the key belongs to.',
	},
	8: { name: 'servererror', meaning: 'Paynet had an internal error. Try again later.' },
	9: { name: 'notimplemented', meaning: 'Paynet does not support this request.' },
	10: { name: 'timeout', meaning: 'Paynet timed out. Try again later.' },
	11: { name: 'badrequest', meaning: 'Paynet found a missing or invalid field in the request.' },
	12: { name: 'nodata', meaning: 'Paynet found no record that matches the request.' },
	13: { name: 'paynetjnosession', meaning: 'The Paynet.js session was not found.' },
	14: { name: 'paynetjwrongbin', meaning: 'The card number prefix (BIN) is wrong.' },
	15: { name: 'paynetjunmatchtran', meaning: 'The transaction does not match, for example the amount differs.' },
	16: { name: 'paynetj3derror', meaning: 'The 3-D Secure step failed.' },
	17: { name: 'paynetjusedsession', meaning: 'The Paynet.js session was already used.' },
	18: { name: 'wrongcarddata', meaning: 'The card data is wrong.' },
	19: { name: 'wrongtransactiontype', meaning: 'The transaction type is wrong.' },
	20: { name: 'wrongpostype', meaning: 'The POS type is wrong.' },
	21: { name: 'wrongratioget', meaning: 'Paynet could not get the instalment rate.' },
	100: {
		name: 'oldsuccessful',
		meaning: 'The same request already succeeded earlier, so nothing changed this time.',
	},
};

/** Result codes that mean the request reached its goal: 100 repeats an earlier success. */
export const SUCCESS_CODES: readonly number[] = [0, 100];

export function describeResultCode(code: number): ResultCodeInfo {
	return RESULT_CODES[code] ?? { name: 'unknown', meaning: 'Paynet does not document this result code.' };
}

/** Reads a result code that Paynet may send as a number or as a numeric string. */
export function parseResultCode(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isInteger(value)) return value;
	if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
	return undefined;
}
