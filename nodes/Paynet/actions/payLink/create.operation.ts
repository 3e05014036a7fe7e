// PayLink → Create: creates a hosted payment page for one payer and returns its URL, which Paynet
// can also send by email or SMS.
// Paynet documentation: https://doc.paynet.com.tr/oedeme-metotlari/ortak-odeme-sayfasi/odeme-emri-olusturma/post-metodu
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { itemLabel, paynetApiRequest } from '../../transport';
import type { PaynetOperation } from '../types';
import { readAmount, readBoolean, readInteger, readNote, readRequiredText, readText, readUrl } from '../common/values';

const show = { resource: ['payLink'], operation: ['create'] };

const description: INodeProperties[] = [
	{
		displayName: 'Payer Name',
		name: 'payerName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Ayşe Küçük',
		description: 'Full name of the person who pays, shown on the payment page',
		displayOptions: { show },
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		description:
			'Amount to collect, in Turkish lira, with at most two decimals. From an expression, give a number or text such as "150.50"; "150,50" with a decimal comma is read as 150.50, and thousands separators are rejected.',
		displayOptions: { show },
	},
	{
		displayName: 'Reference Number',
		name: 'referenceNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'ORDER-10023',
		description:
			'Your own unique reference for this payment, such as the order number. Paynet rejects a second PayLink with the same reference number, so a repeated run cannot charge a customer twice. Get, Update Status, Transaction → Check and the Paynet Trigger find the payment by it.',
		displayOptions: { show },
	},
	{
		displayName: 'Send by Email',
		name: 'sendByEmail',
		type: 'boolean',
		default: false,
		description: 'Whether Paynet emails the payment link to the payer. Needs the Email field.',
		displayOptions: { show },
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'Email address of the payer. Required when Send by Email is on; otherwise only stored with the PayLink.',
		displayOptions: { show },
	},
	{
		displayName: 'Send by SMS',
		name: 'sendBySms',
		type: 'boolean',
		default: false,
		description: 'Whether Paynet texts the payment link to the payer. Needs the Phone field.',
		displayOptions: { show },
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		placeholder: '5321234567',
		description: 'Mobile number of the payer. Required when Send by SMS is on; otherwise only stored with the PayLink.',
		displayOptions: { show },
	},
	{
		displayName: 'Validity (Hours)',
		name: 'validityHours',
		type: 'number',
		default: 24,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		description: 'How many hours the payer has to pay before the PayLink expires',
		displayOptions: { show },
	},
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		default: '',
		placeholder: 'Sipariş 10023',
		description: 'Text shown to the payer on the payment page',
		displayOptions: { show },
	},
	{
		displayName: 'Agent Note',
		name: 'agentNote',
		type: 'string',
		default: '',
		description: "Text shown in Paynet's reports for this payment, not to the payer",
		displayOptions: { show },
	},
	{
		displayName: 'Success URL',
		name: 'successUrl',
		type: 'string',
		default: '',
		placeholder: 'https://shop.example.com/paid',
		description:
			"Page the payer's browser opens after a successful payment; Paynet adds the transaction ID to it. Empty shows Paynet's own result page.",
		displayOptions: { show },
	},
	{
		displayName: 'Error URL',
		name: 'errorUrl',
		type: 'string',
		default: '',
		placeholder: 'https://shop.example.com/payment-failed',
		description: "Page the payer's browser opens after a failed payment",
		displayOptions: { show },
	},
	{
		displayName: 'Confirmation URL',
		name: 'confirmationUrl',
		type: 'string',
		default: '',
		placeholder: 'https://n8n.example.com/webhook/.../paynet',
		description:
			'Address Paynet posts the payment to once the payer has paid. Paste the Production URL of a Paynet Trigger node here to start a workflow for each payment. Empty means Paynet posts nothing.',
		displayOptions: { show },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Add Commission to Amount',
				name: 'addCommissionToAmount',
				type: 'boolean',
				default: false,
				description: "Whether the payer pays Paynet's service fee on top of the amount",
			},
			{
				displayName: 'Agent ID',
				name: 'agentId',
				type: 'string',
				default: '',
				description: 'Code of your Paynet dealer (agent) whose account receives the payment. The dealer must exist in Paynet.',
			},
			{
				displayName: 'User Name',
				name: 'userName',
				type: 'string',
				default: '',
				description: 'Name of the user on your side who created the PayLink, kept with the PayLink',
			},
		],
	},
];

// Paynet's request fields for the single-line text parameters, sent only when not empty.
const TEXT_FIELDS = [
	{ parameter: 'email', label: 'Email', field: 'email' },
	{ parameter: 'phone', label: 'Phone', field: 'phone' },
	{ parameter: 'additionalFields.agentId', label: 'Agent ID', field: 'agent_id' },
	{ parameter: 'additionalFields.userName', label: 'User Name', field: 'user_name' },
] as const;

const NOTE_FIELDS = [
	{ parameter: 'note', label: 'Note', field: 'note' },
	{ parameter: 'agentNote', label: 'Agent Note', field: 'agent_note' },
] as const;

const URL_FIELDS = [
	{ parameter: 'successUrl', label: 'Success URL', field: 'succeed_url' },
	{ parameter: 'errorUrl', label: 'Error URL', field: 'error_url' },
	{ parameter: 'confirmationUrl', label: 'Confirmation URL', field: 'confirmation_url' },
] as const;

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Stops a run where n8n's Retry On Fail could send the same PayLink twice after a timeout. */
function rejectRetryOnFail(context: IExecuteFunctions, itemIndex: number): void {
	if (context.getNode().retryOnFail !== true) return;
	throw new NodeOperationError(
		context.getNode(),
		`Retry On Fail is on for a node that creates PayLinks${itemLabel(itemIndex)}`,
		{
			itemIndex,
			description:
				'A retry after a timeout could create a second PayLink for the same order. Turn off Retry On Fail in the node settings, and use On Error → Continue to handle failed items.',
		},
	);
}

function checkContactFields(context: IExecuteFunctions, body: IDataObject, itemIndex: number): void {
	if (body.send_mail === true && !body.email) {
		throw new NodeOperationError(context.getNode(), `Send by Email is on but the Email is empty${itemLabel(itemIndex)}`, {
			itemIndex,
			description: "Enter the payer's email address, or turn off Send by Email.",
		});
	}
	if (typeof body.email === 'string' && !EMAIL_PATTERN.test(body.email)) {
		throw new NodeOperationError(context.getNode(), `The Email "${body.email}" is not a valid email address${itemLabel(itemIndex)}`, {
			itemIndex,
			description: 'Enter an address such as ayse@example.com, or leave the Email empty.',
		});
	}
	if (body.send_sms === true && !body.phone) {
		throw new NodeOperationError(context.getNode(), `Send by SMS is on but the Phone is empty${itemLabel(itemIndex)}`, {
			itemIndex,
			description: "Enter the payer's mobile number, or turn off Send by SMS.",
		});
	}
}

export const create: PaynetOperation<IDataObject> = {
	description,

	prepare(itemIndex) {
		rejectRetryOnFail(this, itemIndex);

		const body: IDataObject = {
			name_surname: readRequiredText.call(this, 'payerName', 'Payer Name', itemIndex),
			amount: readAmount.call(this, 'amount', itemIndex),
			reference_no: readRequiredText.call(this, 'referenceNumber', 'Reference Number', itemIndex),
			send_mail: readBoolean.call(this, 'sendByEmail', 'Send by Email', itemIndex),
			send_sms: readBoolean.call(this, 'sendBySms', 'Send by SMS', itemIndex),
			expire_date: readInteger.call(this, 'validityHours', 'Validity (Hours)', itemIndex, 1),
		};
		for (const { parameter, label, field } of TEXT_FIELDS) {
			const value = readText.call(this, parameter, label, itemIndex);
			if (value !== '') body[field] = value;
		}
		for (const { parameter, label, field } of NOTE_FIELDS) {
			const value = readNote.call(this, parameter, label, itemIndex);
			if (value !== '') body[field] = value;
		}
		for (const { parameter, label, field } of URL_FIELDS) {
			const value = readUrl.call(this, parameter, label, itemIndex);
			if (value !== '') body[field] = value;
		}
		const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		if (additionalFields.addCommissionToAmount !== undefined) {
			body.addcomission_to_amount = readBoolean.call(
				this,
				'additionalFields.addCommissionToAmount',
				'Add Commission to Amount',
				itemIndex,
			);
		}

		checkContactFields(this, body, itemIndex);
		return body;
	},

	// One request, never repeated: a retry after a lost response could create a second PayLink.
	async execute(body, itemIndex): Promise<IDataObject> {
		return await paynetApiRequest.call(this, 'v1/mailorder/create', body, {
			itemIndex,
			failureHint: (code) =>
				code === 5
					? `A PayLink with the reference number "${String(body.reference_no)}" already exists, and no new one was created. Use a new reference number, or find the existing PayLink with PayLink → Get.`
					: undefined,
		});
	},
};
