// The Paynet API credential: the merchant's secret key and the Paynet environment it belongs to.
// It is the only place the node takes its host from.
import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

/** The hosts Paynet documents for each system; Custom URL takes its host from the credential. */
export const PAYNET_BASE_URLS = {
	test: 'https://pts-api.paynet.com.tr',
	live: 'https://api.paynet.com.tr',
} as const;

const REJECTED_KEY_MESSAGE =
	'Paynet rejected the key (result code 7). Use the secret key (sck_...), not the publishable key (pbk_...), and check that the environment matches the key: the test system and the live system have different keys.';

export class PaynetApi implements ICredentialType {
	name = 'paynetApi';

	displayName = 'Paynet API';

	icon: Icon = { light: 'file:paynet.svg', dark: 'file:paynet.dark.svg' };

	documentationUrl = 'https://doc.paynet.com.tr/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'sck_...',
			description:
				'Your Paynet secret key, which starts with sck_. Request it in the Paynet merchant panel. The test system and the live system have different keys.',
		},
		{
			displayName:
				'This is the publishable key (pbk_...), which only works in browser payment forms. Paste the secret key, which starts with sck_, instead.',
			name: 'publishableKeyNotice',
			type: 'notice',
			default: '',
			displayOptions: {
				show: {
					secretKey: [{ _cnd: { startsWith: 'pbk_' } }],
				},
			},
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			default: 'test',
			options: [
				{
					name: 'Custom URL',
					value: 'custom',
					description: 'A proxy with the fixed IP address that Paynet allows, or a local Paynet sandbox',
				},
				{
					name: 'Live System',
					value: 'live',
					description: `Real payments, at ${PAYNET_BASE_URLS.live}`,
				},
				{
					name: 'Test System',
					value: 'test',
					description: `Paynet's test system, at ${PAYNET_BASE_URLS.test}`,
				},
			],
			description:
				'Which Paynet system the key belongs to. Paynet only accepts requests from fixed IP addresses that it has allowed for your account.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://paynet-proxy.example.com',
			description: 'The address that requests go to instead of a Paynet host, without a path',
			displayOptions: {
				show: {
					environment: ['custom'],
				},
			},
		},
	];

	// Paynet documents "Basic" followed by the raw secret key, not base64 of user:password,
	// so n8n's built-in basic auth would send a header that Paynet rejects.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Basic {{$credentials.secretKey}}',
			},
		},
	};

	// Listing the PayLinks of one day changes nothing on the account. HTTP errors are read as bodies
	// so that the rules below match Paynet's envelope: n8n 1.x only applies status-code rules when
	// the error carries the response, which it does not, and shows a generic message instead.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				`={{ $credentials.environment === "custom" ? $credentials.baseUrl.trim().replace(/\\/+$/, "") : $credentials.environment === "live" ? "${PAYNET_BASE_URLS.live}" : "${PAYNET_BASE_URLS.test}" }}`,
			url: '/v1/mailorder/list',
			method: 'POST',
			headers: {
				Accept: 'application/json; charset=UTF-8',
			},
			body: {
				datab: '={{ $today.toFormat("yyyy-MM-dd") }}',
				datbi: '={{ $today.toFormat("yyyy-MM-dd") }}',
				limit: 1,
			},
			json: true,
			ignoreHttpStatusErrors: true,
		},
		// Paynet's error envelope is { type, message, code: <HTTP status>, result_code }, and a
		// failure inside HTTP 200 carries the result code in `code`.
		rules: [
			{ type: 'responseSuccessBody', properties: { key: 'result_code', value: 7, message: REJECTED_KEY_MESSAGE } },
			{ type: 'responseSuccessBody', properties: { key: 'code', value: 7, message: REJECTED_KEY_MESSAGE } },
			{ type: 'responseSuccessBody', properties: { key: 'code', value: 401, message: REJECTED_KEY_MESSAGE } },
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 403,
					message:
						'Paynet refused the request (HTTP 403). Paynet only accepts requests from fixed IP addresses that it has allowed for your account: ask Paynet to allow the IP address of this n8n server.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 404,
					message:
						'There is no Paynet API at this address (HTTP 404). Check the environment, or the Base URL: the address of the server without a path.',
				},
			},
			...[500, 502, 503, 504].map((status) => ({
				type: 'responseSuccessBody' as const,
				properties: {
					key: 'code',
					value: status,
					message: `Paynet returned a server error (HTTP ${status}), so the key could not be checked. Try again later.`,
				},
			})),
		],
	};
}
