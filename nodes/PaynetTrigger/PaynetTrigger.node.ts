// The Paynet Trigger: a webhook for the payment confirmations Paynet posts to a PayLink's
// confirmation_url. By default each callback is confirmed with Paynet before the workflow starts.
import {
	NodeConnectionTypes,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { isExplicitlyFalse, readCallback, verifyCallback } from './verifyPayment';

/**
 * The HTTP replies to a callback. The body never states why a callback was rejected, so a forger
 * learns nothing from it. The status code only shows Paynet whether a retry can help.
 */
export const CALLBACK_REPLIES = {
	/** The payment was confirmed (or verification is off) and the workflow started. */
	accepted: { statusCode: 200, status: 'accepted' },
	/** The callback reports a payment that did not succeed, so nothing starts. */
	ignored: { statusCode: 200, status: 'ignored' },
	/** The body is not a JSON object with a reference number. */
	malformed: { statusCode: 400, status: 'rejected' },
	/** Paynet has no successful payment that matches the callback: forged, or not yet recorded. */
	unconfirmed: { statusCode: 403, status: 'rejected' },
	/** The check with Paynet failed (unreachable, key rejected, server error); a later try may pass. */
	unavailable: { statusCode: 503, status: 'try again later' },
} as const;

type Reply = (typeof CALLBACK_REPLIES)[keyof typeof CALLBACK_REPLIES];

function send(context: IWebhookFunctions, reply: Reply): void {
	context.getResponseObject().status(reply.statusCode).json({ status: reply.status });
}

export class PaynetTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Paynet Trigger',
		name: 'paynetTrigger',
		icon: { light: 'file:paynet.svg', dark: 'file:paynet.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["verification"] === "none" ? "Unverified payments" : "Verified payments" }}',
		description: 'Starts the workflow when a customer pays a PayLink whose Confirmation URL is this trigger',
		defaults: {
			name: 'Paynet Trigger',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'paynetApi',
				required: true,
				displayOptions: { show: { verification: ['transactionCheck'] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'paylink-paid',
			},
		],
		properties: [
			{
				displayName:
					'Copy the Production URL above and paste it into the Confirmation URL field of the Paynet node (PayLink → Create). Paynet posts every payment of those PayLinks to it while this workflow is active (published, in n8n 2.x). The Test URL only works while the editor is listening for a test event.',
				name: 'confirmationUrlNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Verification',
				name: 'verification',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Confirm With Paynet (Recommended)',
						value: 'transactionCheck',
						description:
							'Before starting the workflow, ask Paynet for the payment of the reference number and start only if it exists, succeeded and matches the amount. Other callbacks get HTTP 403 and start nothing.',
					},
					{
						name: 'Off (Trust Every Callback)',
						value: 'none',
						description: 'Start the workflow with whatever is posted to the URL, without asking Paynet',
					},
				],
				default: 'transactionCheck',
				description:
					'Paynet does not sign its callbacks, so anyone who learns the URL could post a made-up payment to it. Confirming each callback with Paynet blocks that.',
			},
			{
				displayName:
					'With verification off, anyone who learns this URL can start the workflow with a made-up payment. Check the payment with the Paynet node (Transaction → Check) before shipping an order.',
				name: 'verificationOffNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { verification: ['none'] } },
			},
		],
	};

	// Paynet has no API to register a callback address: the address travels with each PayLink as its
	// confirmation_url. Activating or deactivating the workflow therefore has nothing to set up.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const verification = this.getNodeParameter('verification', 'transactionCheck') as string;
		const callback = readCallback(this.getBodyData());
		const verifying = verification !== 'none';

		if (!callback || (verifying && !callback.referenceNo && !callback.transactionId)) {
			send(this, CALLBACK_REPLIES.malformed);
			return { noWebhookResponse: true };
		}
		// NOTE: Paynet does not document whether failed payments are posted too. If they are, they
		// get a reply and start nothing.
		if (isExplicitlyFalse(callback.payload.is_succeed)) {
			send(this, CALLBACK_REPLIES.ignored);
			return { noWebhookResponse: true };
		}

		const output: IDataObject = { reference_no: callback.referenceNo ?? '', verified: false, callback: callback.payload };
		if (verifying) {
			const result = await verifyCallback.call(this, callback);
			if (result.outcome !== 'confirmed') {
				send(this, CALLBACK_REPLIES[result.outcome]);
				return { noWebhookResponse: true };
			}
			output.verified = true;
			output.transaction = result.transaction;
		}

		send(this, CALLBACK_REPLIES.accepted);
		return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray([output])] };
	}
}
