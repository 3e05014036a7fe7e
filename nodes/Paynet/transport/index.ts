// The one place the Paynet node and trigger send requests: it picks the host from the credential,
// sends JSON, and turns every failure into a NodeApiError that keeps Paynet's message and result code.
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type IWebhookFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { PAYNET_BASE_URLS } from '../../../credentials/PaynetApi.credentials';
import { SUCCESS_CODES, describeResultCode, parseResultCode } from './resultCodes';

export type PaynetContext = IExecuteFunctions | IWebhookFunctions;

export type PaynetEnvironment = 'test' | 'live' | 'custom';

interface PaynetCredentials {
	secretKey: string;
	environment: PaynetEnvironment;
	baseUrl?: string;
}

const ENVIRONMENT_NAMES: Record<PaynetEnvironment, string> = {
	test: 'Paynet test system',
	live: 'Paynet live system',
	custom: 'Paynet server at the custom Base URL',
};

// Paynet documents no time limit; a minute leaves room for a slow proxy without hanging a run.
const REQUEST_TIMEOUT_MS = 60_000;

/** Returns the itemIndex text that error messages end with, so the user can find the item. */
export function itemLabel(itemIndex: number | undefined): string {
	return itemIndex === undefined ? '' : ` [item ${itemIndex}]`;
}

function resolveBaseUrl(context: PaynetContext, credentials: PaynetCredentials, itemIndex?: number): string {
	if (credentials.environment !== 'custom') {
		return PAYNET_BASE_URLS[credentials.environment] ?? PAYNET_BASE_URLS.test;
	}

	const baseUrl = (credentials.baseUrl ?? '').trim().replace(/\/+$/, '');
	if (!/^https?:\/\/[^\s/]+/i.test(baseUrl)) {
		throw new NodeOperationError(
			context.getNode(),
			`The Paynet API credential has no valid Base URL${itemLabel(itemIndex)}`,
			{
				itemIndex,
				description:
					'With the environment set to Custom URL, enter an address such as https://paynet-proxy.example.com in the credential.',
			},
		);
	}
	return baseUrl;
}

function checkKeyKind(context: PaynetContext, credentials: PaynetCredentials, itemIndex?: number): void {
	if (credentials.secretKey?.trim().startsWith('pbk_')) {
		throw new NodeOperationError(
			context.getNode(),
			`The Paynet API credential holds the publishable key, not the secret key${itemLabel(itemIndex)}`,
			{
				itemIndex,
				description:
					'Keys that start with pbk_ only work in browser payment forms. Copy the secret key, which starts with sck_, from the Paynet merchant panel into the credential.',
			},
		);
	}
}

function failureDescription(code: number | undefined, environment: PaynetEnvironment, hint?: string): string {
	if (code === undefined) return hint ?? '';

	const { name, meaning } = describeResultCode(code);
	const parts = [`Result code ${code} (${name}): ${meaning}`];
	if (code === 7) parts.push(`The credential uses the ${ENVIRONMENT_NAMES[environment]}.`);
	if (hint) parts.push(hint);
	return parts.join(' ');
}

/** Builds the error for a failure Paynet reported, keeping its message and result code for error items. */
function paynetFailure(
	context: PaynetContext,
	response: JsonObject,
	details: { message: string; description: string; httpCode: number; itemIndex?: number },
	resultCode: number | undefined,
	paynetMessage: string | undefined,
	paynetErrorType?: string,
): NodeApiError {
	const error = new NodeApiError(context.getNode(), response, {
		message: details.message,
		description: details.description,
		httpCode: String(details.httpCode),
		itemIndex: details.itemIndex,
	});
	if (resultCode !== undefined) error.context.resultCode = resultCode;
	if (paynetMessage !== undefined) error.context.paynetMessage = paynetMessage;
	if (paynetErrorType !== undefined) error.context.paynetErrorType = paynetErrorType;
	return error;
}

function bodyExcerpt(body: unknown): string {
	let text = '';
	if (typeof body === 'string') text = body;
	else if (body !== undefined) text = JSON.stringify(body);
	return text.length > 200 ? `${text.slice(0, 200)}...` : text;
}

export interface PaynetRequestOptions {
	itemIndex?: number;
	/** Words added to the error description for this endpoint, for example which PayLink was not found. */
	failureHint?: (code: number | undefined) => string | undefined;
}

/**
 * Sends one POST request to Paynet and returns the response body when Paynet reports success.
 * Paynet can respond with HTTP 200 and a failure result code, so the body's `code` decides, not the status.
 */
export async function paynetApiRequest(
	this: PaynetContext,
	endpoint: string,
	body: IDataObject,
	options: PaynetRequestOptions = {},
): Promise<IDataObject> {
	const { itemIndex, failureHint } = options;
	const credentials = (await this.getCredentials('paynetApi', itemIndex)) as unknown as PaynetCredentials;
	checkKeyKind(this, credentials, itemIndex);
	const baseUrl = resolveBaseUrl(this, credentials, itemIndex);

	const request: IHttpRequestOptions = {
		method: 'POST',
		url: `${baseUrl}/${endpoint}`,
		body,
		json: true,
		headers: {
			Accept: 'application/json; charset=UTF-8',
			'Content-Type': 'application/json; charset=UTF-8',
		},
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: REQUEST_TIMEOUT_MS,
	};

	let response: { statusCode: number; body: unknown };
	try {
		response = await this.helpers.httpRequestWithAuthentication.call(this, 'paynetApi', request);
	} catch (error) {
		// Only the error code and text leave this block: the request options on the original
		// error carry the Authorization header.
		const reason = (error as { code?: string; message?: string }) ?? {};
		throw new NodeApiError(
			this.getNode(),
			{ message: reason.message ?? 'Unknown network error', code: reason.code ?? null },
			{
				message: `Could not reach the ${ENVIRONMENT_NAMES[credentials.environment]} (${baseUrl})${itemLabel(itemIndex)}`,
				description: `${reason.code ?? reason.message ?? 'The connection failed'}. Check the credential's environment or Base URL, and that this n8n server's fixed IP address is allowed by Paynet.`,
				itemIndex,
			},
		);
	}

	const { statusCode } = response;
	const data = response.body;
	const isObject = typeof data === 'object' && data !== null && !Array.isArray(data);

	if (statusCode < 200 || statusCode > 299) {
		// Paynet's error envelope: { type, message, code: <HTTP status>, result_code }.
		const envelope = (isObject ? data : {}) as IDataObject;
		const resultCode = parseResultCode(envelope.result_code);
		const paynetMessage = typeof envelope.message === 'string' ? envelope.message : undefined;
		const shownMessage = paynetMessage ?? (bodyExcerpt(data) || 'no message');
		const environmentName = ENVIRONMENT_NAMES[credentials.environment];
		let description = failureDescription(resultCode, credentials.environment, failureHint?.(resultCode));
		if (statusCode === 404) {
			description += ` HTTP 404 can also mean that ${request.url} is not a Paynet address: check the credential's ${credentials.environment === 'custom' ? 'Base URL' : 'environment'}.`;
		}
		const error = paynetFailure(
			this,
			isObject ? (data as JsonObject) : { body: bodyExcerpt(data) },
			{
				message:
					statusCode === 401
						? `The ${environmentName} rejected the secret key (HTTP 401): ${shownMessage}${itemLabel(itemIndex)}`
						: `Paynet returned HTTP ${statusCode}: ${shownMessage}${itemLabel(itemIndex)}`,
				description: description.trim(),
				httpCode: statusCode,
				itemIndex,
			},
			resultCode,
			paynetMessage,
			typeof envelope.type === 'string' ? envelope.type : undefined,
		);
		// Every later request with the same key would be rejected too; the router stops sending.
		if (statusCode === 401) error.context.credentialRejected = true;
		throw error;
	}

	if (!isObject) {
		throw new NodeApiError(
			this.getNode(),
			{ body: bodyExcerpt(data) },
			{
				message: `Paynet returned a body that is not a JSON object${itemLabel(itemIndex)}`,
				description: `HTTP ${statusCode}, body: ${bodyExcerpt(data) || '(empty)'}. Try again. If it persists, a proxy in front of Paynet may be responding instead.`,
				httpCode: String(statusCode),
				itemIndex,
			},
		);
	}

	const result = data as IDataObject;
	const resultCode = parseResultCode(result.code);
	if (resultCode === undefined || !SUCCESS_CODES.includes(resultCode)) {
		const paynetMessage = typeof result.message === 'string' ? result.message : undefined;
		throw paynetFailure(
			this,
			result as JsonObject,
			{
				message: `Paynet rejected the request: ${paynetMessage ?? 'no message'} (result code ${String(result.code ?? 'missing')})${itemLabel(itemIndex)}`,
				description: failureDescription(resultCode, credentials.environment, failureHint?.(resultCode)),
				httpCode: statusCode,
				itemIndex,
			},
			resultCode,
			paynetMessage,
		);
	}

	return result;
}
