// Picks the operation, checks every input item before any request goes out, then sends one
// request per item in order and pairs each output item, success or error, with its input item.
import {
	NodeError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { itemLabel } from '../transport';
import { payLinkOperations } from './payLink/PayLink.resource';
import { transactionOperations } from './transaction/Transaction.resource';
import type { PaynetOperation } from './types';

const operationsByResource: Record<string, Record<string, PaynetOperation<any>>> = {
	payLink: payLinkOperations,
	transaction: transactionOperations,
};

function toNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number): NodeError {
	if (error instanceof NodeError) return error;
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

/** Builds the JSON of an error item that On Error → Continue puts in place of the failed item. */
function errorJson(error: NodeError): IDataObject {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	for (const key of ['resultCode', 'paynetMessage', 'paynetErrorType'] as const) {
		if (error.context[key] !== undefined) json[key] = error.context[key];
	}
	if ('httpCode' in error && error.httpCode) json.httpCode = error.httpCode;
	return json;
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = operationsByResource[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" of resource "${resource}" is not supported`,
		);
	}
	const continueOnFail = this.continueOnFail();

	// Without On Error → Continue, one bad item stops the run before any request goes out.
	const prepared = items.map((_item, itemIndex): { input: unknown } | { error: NodeError } => {
		try {
			return { input: operation.prepare.call(this, itemIndex) };
		} catch (error) {
			if (!continueOnFail) throw toNodeError(this, error, itemIndex);
			return { error: toNodeError(this, error, itemIndex) };
		}
	});

	const output: INodeExecutionData[] = [];
	let rejectedKeyItem: number | undefined;
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const pairedItem = { item: itemIndex };
		const step = prepared[itemIndex];

		if ('error' in step) {
			output.push({ json: errorJson(step.error), pairedItem });
			continue;
		}

		// Once Paynet has rejected the secret key, sending the remaining items would only repeat the
		// rejection, item after item, against the merchant's account.
		if (rejectedKeyItem !== undefined) {
			const skipped = new NodeOperationError(
				this.getNode(),
				`Not sent, because Paynet rejected the secret key for item ${rejectedKeyItem}${itemLabel(itemIndex)}`,
				{
					itemIndex,
					description:
						'Fix the secret key or the environment in the Paynet API credential, then run the workflow again.',
				},
			);
			output.push({ json: errorJson(skipped), pairedItem });
			continue;
		}

		try {
			const result = await operation.execute.call(this, step.input, itemIndex);
			const results = Array.isArray(result) ? result : [result];
			output.push(...results.map((json) => ({ json, pairedItem })));
		} catch (error) {
			const nodeError = toNodeError(this, error, itemIndex);
			if (!continueOnFail) throw nodeError;
			output.push({ json: errorJson(nodeError), pairedItem });
			if (nodeError.context.credentialRejected) rejectedKeyItem = itemIndex;
		}
	}

	return [output];
}
