// The Paynet API credential: its properties, the header it builds and its side-effect-free test request.
// n8n's own credential-testing path (the editor's Save button) is exercised by the e2e suite in real n8n.
import { DateTime } from 'luxon';
import { Expression, type IAuthenticateGeneric, type IAuthenticateRuleResponseSuccessBody } from 'n8n-workflow';

import { PAYNET_BASE_URLS, PaynetApi } from '../credentials/PaynetApi.credentials';
import { SANDBOX_PUBLISHABLE_KEY, SANDBOX_SECRET_KEY, useSandbox } from './helpers';

const credentialType = new PaynetApi();

function resolve(value: unknown, credentials: Record<string, unknown>): unknown {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	return Expression.resolveWithoutWorkflow(value.slice(1), {
		$credentials: credentials,
		$today: DateTime.now().startOf('day'),
	});
}

/** Resolves the credential's test request for the given credential data, as n8n does before sending it. */
function testRequestFor(credentials: Record<string, unknown>) {
	const { request } = credentialType.test;
	const body = Object.fromEntries(
		Object.entries(request.body as Record<string, unknown>).map(([key, value]) => [key, resolve(value, credentials)]),
	);
	const authenticate = credentialType.authenticate as IAuthenticateGeneric;
	const authorization = resolve(authenticate.properties.headers!.Authorization, credentials) as string;
	return {
		url: `${resolve(request.baseURL, credentials) as string}${request.url}`,
		method: request.method,
		headers: { ...request.headers, 'Content-Type': 'application/json', Authorization: authorization },
		body,
	};
}

/** Returns the message of the first rule that n8n would apply to this response body, as its credential tester does. */
function firstMatchingRule(body: Record<string, unknown>): string | undefined {
	const rules = credentialType.test.rules as IAuthenticateRuleResponseSuccessBody[];
	return rules.find((rule) => body[rule.properties.key] === rule.properties.value)?.properties.message;
}

async function send(request: ReturnType<typeof testRequestFor>): Promise<Response> {
	return await fetch(request.url, {
		method: request.method,
		headers: request.headers,
		body: JSON.stringify(request.body),
	});
}

describe('Paynet API credential', () => {
	const sandbox = useSandbox();

	test('properties are secret key, notice, environment and base URL', () => {
		expect(credentialType.name).toBe('paynetApi');
		expect(credentialType.displayName).toBe('Paynet API');
		const byName = Object.fromEntries(credentialType.properties.map((property) => [property.name, property]));
		expect(byName.secretKey.typeOptions).toEqual({ password: true });
		expect(byName.environment.options!.map((option) => (option as { value: string }).value).sort()).toEqual([
			'custom',
			'live',
			'test',
		]);
		expect(byName.baseUrl.displayOptions).toEqual({ show: { environment: ['custom'] } });
		expect(byName.publishableKeyNotice.displayOptions).toEqual({
			show: { secretKey: [{ _cnd: { startsWith: 'pbk_' } }] },
		});
	});

	test('authenticate sends Basic and the raw key, keeping slashes and pluses', () => {
		const request = testRequestFor({ secretKey: 'sck_pcs_a/b+c==', environment: 'test' });

		expect(request.headers.Authorization).toBe('Basic sck_pcs_a/b+c==');
	});

	test.each([
		['test', `${PAYNET_BASE_URLS.test}/v1/mailorder/list`],
		['live', `${PAYNET_BASE_URLS.live}/v1/mailorder/list`],
	])('test request for the %s system goes to its Paynet host', (environment, url) => {
		expect(testRequestFor({ secretKey: 'sck_x', environment }).url).toBe(url);
	});

	test('test request for a custom URL drops trailing slashes', () => {
		const request = testRequestFor({ secretKey: 'sck_x', environment: 'custom', baseUrl: 'http://127.0.0.1:1234// ' });

		expect(request.url).toBe('http://127.0.0.1:1234/v1/mailorder/list');
	});

	test('test request passes with the sandbox key and changes nothing', async () => {
		const before = JSON.stringify(sandbox.current.payLinks);
		const request = testRequestFor({ secretKey: SANDBOX_SECRET_KEY, environment: 'custom', baseUrl: sandbox.current.url });

		const response = await send(request);

		expect(response.status).toBe(200);
		const body = (await response.json()) as Record<string, unknown>;
		expect(body).toMatchObject({ code: 0, object_name: 'mailorder_list' });
		expect(firstMatchingRule(body)).toBeUndefined();
		const today = DateTime.now().toFormat('yyyy-MM-dd');
		expect(sandbox.current.requests[0].body).toEqual({ datab: today, datbi: today, limit: 1 });
		expect(JSON.stringify(sandbox.current.payLinks)).toBe(before);
	});

	test('test request reads HTTP errors as bodies for the rules', () => {
		expect(credentialType.test.request.ignoreHttpStatusErrors).toBe(true);
		expect(credentialType.test.rules!.every((rule) => rule.type === 'responseSuccessBody')).toBe(true);
	});

	test.each([
		[500, 'server error (HTTP 500)'],
		[404, 'no Paynet API at this address'],
		[403, 'fixed IP addresses'],
	])('HTTP %i envelope gets its own message', (status, text) => {
		expect(firstMatchingRule({ type: 'api_error', message: 'x', code: status })).toContain(text);
	});

	test.each([
		['a wrong secret key', 'sck_wrong'],
		['the publishable key', SANDBOX_PUBLISHABLE_KEY],
	])('test request with %s gets HTTP 401 and a message naming both keys', async (_case, secretKey) => {
		const request = testRequestFor({ secretKey, environment: 'custom', baseUrl: sandbox.current.url });

		const response = await send(request);

		expect(response.status).toBe(401);
		const body = (await response.json()) as Record<string, unknown>;
		expect(body).toMatchObject({ result_code: 7, type: 'authorization_error' });
		const message = firstMatchingRule(body);
		expect(message).toContain('secret key (sck_...)');
		expect(message).toContain('publishable key (pbk_...)');
	});
});
