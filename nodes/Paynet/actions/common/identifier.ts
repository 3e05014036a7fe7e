// The "Identify By" pair of fields shared by the operations that address one PayLink.
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { itemLabel } from '../../transport';

export type PayLinkIdentifier = { id: string } | { reference_no: string };

export function payLinkIdentifierFields(operation: string): INodeProperties[] {
	const displayOptions = { show: { resource: ['payLink'], operation: [operation] } };
	return [
		{
			displayName: 'Identify By',
			name: 'identifierType',
			type: 'options',
			noDataExpression: true,
			displayOptions,
			options: [
				{
					name: 'ID',
					value: 'id',
					description: 'The ID Paynet gave the PayLink when it was created',
				},
				{
					name: 'Reference Number',
					value: 'referenceNo',
					description: 'Your own reference number given when the PayLink was created, such as an order number',
				},
			],
			default: 'referenceNo',
			description: 'Whether to find the PayLink by its Paynet ID or by your reference number',
		},
		{
			displayName: 'PayLink ID',
			name: 'identifier',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'c1c4f41c-3d8c-4143-a2dc-114e587fd1b3',
			description: 'The ID of the PayLink',
			displayOptions: { show: { ...displayOptions.show, identifierType: ['id'] } },
		},
		{
			displayName: 'Reference Number',
			name: 'identifier',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'ORDER-10023',
			description: 'The reference number of the PayLink',
			displayOptions: { show: { ...displayOptions.show, identifierType: ['referenceNo'] } },
		},
	];
}

/** Reads the item's identifier, trimmed; a missing or empty value throws before anything is sent. */
export function readPayLinkIdentifier(this: IExecuteFunctions, itemIndex: number): PayLinkIdentifier {
	const identifierType = this.getNodeParameter('identifierType', itemIndex) as 'id' | 'referenceNo';
	const raw = this.getNodeParameter('identifier', itemIndex, '') as unknown;
	const label = identifierType === 'id' ? 'PayLink ID' : 'Reference Number';

	const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (value === '') {
		const received = typeof raw === 'string' || raw === null || raw === undefined ? 'empty' : `of type ${typeof raw}`;
		throw new NodeOperationError(this.getNode(), `The ${label} is ${received}${itemLabel(itemIndex)}`, {
			itemIndex,
			description: `Enter the ${label} of the PayLink, or map it from an earlier node with an expression that gives text or a number for every item.`,
		});
	}

	return identifierType === 'id' ? { id: value } : { reference_no: value };
}

/** Describes an identifier for error messages, for example `reference number "ORDER-1"`. */
export function describeIdentifier(identifier: PayLinkIdentifier | IDataObject): string {
	return 'id' in identifier
		? `ID "${String(identifier.id)}"`
		: `reference number "${String(identifier.reference_no)}"`;
}
