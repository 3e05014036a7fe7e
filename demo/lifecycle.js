// Runs the PayLink lifecycle against a started Paynet sandbox, through n8n-core's engine. It creates
// PayLinks from a sheet of new orders, gets one and lists them all. Then it pays one, lets the
// Paynet Trigger confirm the payment and mark the order paid, and checks the payment.
// It prints one short line per step.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const { EditFields, PassThrough } = require('../engine/stand-in-nodes');
const { startWebhookServer } = require('../engine/webhook-server');
const { today } = require('../sandbox/server');
const { readCsv } = require('./csv');

const root = path.join(__dirname, '..');
const CREATE_WORKFLOW = path.join(root, 'examples', 'create-paylinks-from-orders.workflow.json');
const PAID_WORKFLOW = path.join(root, 'examples', 'mark-order-paid.workflow.json');
const ORDERS_CSV = path.join(root, 'examples', 'new-orders.csv');
const CREDENTIAL_ID = 'paynet-credential';

function loadWorkflow(file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * Runs the lifecycle and resolves with what it produced: `{ created, listed, payment, trigger,
 * forgedReply, check }`. Rejects when a step fails, after stopping the trigger's server.
 */
async function runLifecycleDemo({ sandbox, Paynet, PaynetTrigger, PaynetApi, runWorkflow, print }) {
	const credentials = {
		[CREDENTIAL_ID]: {
			type: 'paynetApi',
			data: { secretKey: sandbox.secretKey, environment: 'custom', baseUrl: sandbox.url },
		},
	};
	const nodeTypes = {
		'n8n-nodes-paynet.paynet': new Paynet(),
		'n8n-nodes-paynet.paynetTrigger': new PaynetTrigger(),
		'n8n-nodes-base.set': new EditFields(),
		'n8n-nodes-base.readWriteFile': new PassThrough('Read/Write Files from Disk'),
		'n8n-nodes-base.extractFromFile': new PassThrough('Extract from File'),
	};
	const credentialTypes = { paynetApi: new PaynetApi() };
	const engine = { nodeTypes, credentialTypes, credentials };

	/** Runs Manual Trigger → one Paynet node with `parameters`, and returns that node's items. */
	async function paynetStep(parameters) {
		const result = await runWorkflow({
			...engine,
			workflow: {
				nodes: [
					{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
					{
						id: 'paynet',
						name: 'Paynet',
						type: 'n8n-nodes-paynet.paynet',
						typeVersion: 1,
						position: [200, 0],
						parameters,
						credentials: { paynetApi: { id: CREDENTIAL_ID, name: 'Paynet sandbox' } },
					},
				],
				connections: { Start: { main: [[{ node: 'Paynet', type: 'main', index: 0 }]] } },
			},
		});
		if (result.error) throw result.error;
		return result.items('Paynet');
	}

	const trigger = await startWebhookServer({ ...engine, workflow: loadWorkflow(PAID_WORKFLOW) });
	try {
		const confirmationUrl = trigger.webhookUrl('Paynet Trigger');
		print(`1. Paynet Trigger listens at ${confirmationUrl}`);

		// The sheet's rows stand in for the two file nodes; every PayLink posts to the trigger.
		const createWorkflow = loadWorkflow(CREATE_WORKFLOW);
		createWorkflow.nodes.find((node) => node.name === 'Create PayLink').parameters.confirmationUrl = confirmationUrl;
		const orders = readCsv(fs.readFileSync(ORDERS_CSV, 'utf8'));
		const created = await runWorkflow({
			...engine,
			workflow: { ...createWorkflow, pinData: { Orders: orders.map((json) => ({ json })) } },
		});
		if (created.error) throw created.error;
		const messages = created.items('Payment Message');
		for (const { json } of messages) print(`2. Order ${json.order_no}: ${json.payment_url || json.message}`);

		const reference = `ORDER-${orders[0].order_no}`;
		const [payLink] = await paynetStep({ resource: 'payLink', operation: 'get', identifierType: 'referenceNo', identifier: reference });
		print(`3. Get ${reference}: ${payLink.json.name_surname}, ${payLink.json.amount} ${payLink.json.currency}, status ${payLink.json.status}`);

		const listed = await paynetStep({ resource: 'payLink', operation: 'getMany', startDate: today(), endDate: today(), returnAll: true });
		print(`4. Get Many for ${today()} with Return All: ${listed.length} PayLinks`);

		const payment = await sandbox.pay({ reference_no: reference });
		print(`5. The customer pays ${reference}; Paynet posts the confirmation and the trigger answers HTTP ${payment.confirmation.status}`);

		const [run] = await trigger.waitForRuns(1);
		if (run.error) throw run.error;
		const [paid] = run.items('Order Paid');
		print(
			`6. Trigger confirmed it with Paynet (verified: ${paid.json.verified_with_paynet}) and marked ${paid.json.order_reference} ${paid.json.status}: ${paid.json.amount} TRY, transaction ${paid.json.paynet_transaction_id}`,
		);

		const forged = await fetch(confirmationUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ referance_no: `ORDER-${orders[1].order_no}`, amount: orders[1].amount, is_succeed: true }),
		});
		const forgedReply = { status: forged.status, body: await forged.text() };
		print(`7. A forged confirmation for an unpaid order gets HTTP ${forgedReply.status}; workflow runs so far: ${trigger.runs.length}`);

		const [check] = await paynetStep({ resource: 'transaction', operation: 'check', identifierType: 'referenceNo', identifier: reference });
		print(`8. Transaction Check ${reference}: is_succeed ${check.json.is_succeed}, amount ${check.json.amount}, card ${check.json.card_no}`);

		return { created: messages, listed, payment, trigger: paid.json, forgedReply, check: check.json };
	} finally {
		await trigger.stop();
	}
}

module.exports = { runLifecycleDemo };
