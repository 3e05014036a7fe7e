// The "Identify By" pair of fields shared by the operations that address one PayLink or one payment.
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { itemLabel } from '../../transport';

/** One way to find a record: the choice under Identify By and the request field it fills. */
interface IdentifierChoice {
	/** Option name under Identify By. */
	name: string;
	/** Stored value of the Identify By parameter. */
	value: string;
	/** Label of the input field, also used in error messages. */
	label: string;
	/** Field name in Paynet's request body. */
	bodyField: 'id' | 'reference_no' | 'xact_id';
	/** Help text of the option under Identify By. */
	description: string;
	/** Help text of the input field. */
	fieldDescription: string;
	placeholder: string;
}

/** The records an operation can address, and the ways to identify each. Choices are sorted by name. */
export interface IdentifierSpec {
	resource: string;
	record: string;
	/** Help text of the Identify By parameter. */
	description: string;
	/** Must include a choice with the value `referenceNo`, the default. */
	choices: IdentifierChoice[];
}

export const PAYLINK_IDENTIFIER: IdentifierSpec = {
	resource: 'payLink',
	record: 'PayLink',
	description: 'Whether to find the PayLink by its Paynet ID or by your reference number',
	choices: [
		{
			name: 'ID',
			value: 'id',
			label: 'PayLink ID',
			bodyField: 'id',
			description: 'The ID Paynet gave the PayLink when it was created',
			fieldDescription: 'The ID of the PayLink',
			placeholder: 'c1c4f41c-3d8c-4143-a2dc-114e587fd1b3',
		},
		{
			name: 'Reference Number',
			value: 'referenceNo',
			label: 'Reference Number',
			bodyField: 'reference_no',
			description: 'Your own reference number given when the PayLink was created, such as an order number',
			fieldDescription: 'The reference number of the PayLink',
			placeholder: 'ORDER-10023',
		},
	],
};

export const TRANSACTION_IDENTIFIER: IdentifierSpec = {
	resource: 'transaction',
	record: 'payment',
	description: 'Whether to find the payment by the reference number of its PayLink or by its Paynet transaction ID',
	choices: [
		{
			name: 'Reference Number',
			value: 'referenceNo',
			label: 'Reference Number',
			bodyField: 'reference_no',
			description: 'The reference number of the PayLink the customer paid, such as an order number',
			fieldDescription: 'The reference number of the PayLink whose payment to check',
			placeholder: 'ORDER-10023',
		},
		{
			name: 'Transaction ID',
			value: 'transactionId',
			label: 'Transaction ID',
			bodyField: 'xact_id',
			description: 'The ID Paynet gave the payment (xact_id), as shown by PayLink → Get or an earlier check',
			fieldDescription: 'The Paynet transaction ID (xact_id) of the payment',
			placeholder: 'xact_9f2c41d07a3b5e16',
		},
	],
};

/** The request fields that name one record: `id`, `reference_no` or `xact_id`. */
export type RecordIdentifier = { id: string } | { reference_no: string } | { xact_id: string };

export type PayLinkIdentifier = { id: string } | { reference_no: string };

export function identifierFields(spec: IdentifierSpec, operation: string): INodeProperties[] {
	const show = { resource: [spec.resource], operation: [operation] };
	return [
		{
			displayName: 'Identify By',
			name: 'identifierType',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show },
			options: spec.choices.map(({ name, value, description }) => ({ name, value, description })),
			default: 'referenceNo',
			description: spec.description,
		},
		...spec.choices.map(
			(choice): INodeProperties => ({
				displayName: choice.label,
				name: 'identifier',
				type: 'string',
				required: true,
				default: '',
				placeholder: choice.placeholder,
				description: choice.fieldDescription,
				displayOptions: { show: { ...show, identifierType: [choice.value] } },
			}),
		),
	];
}

/** Reads the item's identifier, trimmed; a missing or empty value throws before anything is sent. */
export function readIdentifier(this: IExecuteFunctions, itemIndex: number, spec: IdentifierSpec): RecordIdentifier {
	const identifierType = this.getNodeParameter('identifierType', itemIndex) as string;
	const choice = spec.choices.find((candidate) => candidate.value === identifierType) ?? spec.choices[0];
	const raw = this.getNodeParameter('identifier', itemIndex, '') as unknown;

	const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (value === '') {
		const received = typeof raw === 'string' || raw === null || raw === undefined ? 'empty' : `of type ${typeof raw}`;
		throw new NodeOperationError(this.getNode(), `The ${choice.label} is ${received}${itemLabel(itemIndex)}`, {
			itemIndex,
			description: `Enter the ${choice.label} of the ${spec.record}, or map it from an earlier node with an expression that gives text or a number for every item.`,
		});
	}

	return { [choice.bodyField]: value } as RecordIdentifier;
}

export function payLinkIdentifierFields(operation: string): INodeProperties[] {
	return identifierFields(PAYLINK_IDENTIFIER, operation);
}

export function readPayLinkIdentifier(this: IExecuteFunctions, itemIndex: number): PayLinkIdentifier {
	return readIdentifier.call(this, itemIndex, PAYLINK_IDENTIFIER) as PayLinkIdentifier;
}

/** Describes an identifier for error messages, for example `reference number "ORDER-1"`. */
export function describeIdentifier(identifier: RecordIdentifier | IDataObject): string {
	if ('id' in identifier) return `ID "${String(identifier.id)}"`;
	if ('xact_id' in identifier) return `transaction ID "${String(identifier.xact_id)}"`;
	return `reference number "${String(identifier.reference_no)}"`;
}

/** Builds the failure hint for Paynet's result code 12 (no data): which record was not found. */
export function notFoundHint(
	identifier: RecordIdentifier,
	record = 'PayLink',
): (code: number | undefined) => string | undefined {
	return (code) =>
		code === 12 ? `No ${record} has the ${describeIdentifier(identifier)} on this Paynet system.` : undefined;
}
