'use strict';
// The credentials and workflows that the acceptance suite and `npm run dev` import into n8n:
// the repo's example workflow, and two small workflows built from n8n's built-in nodes.

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { REPO_ROOT } = require('./package');

const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');
const EXAMPLE_WORKFLOW_FILE = path.join(EXAMPLES_DIR, 'update-paylink-status.workflow.json');
const ORDERS_CSV_FILE = path.join(EXAMPLES_DIR, 'orders.csv');
const TRIGGER_EXAMPLE_FILE = path.join(EXAMPLES_DIR, 'mark-order-paid.workflow.json');

// Names used by the example workflow.
const EXAMPLE = {
	credentialId: 'paynet-credential',
	credentialName: 'Paynet API',
	readNode: 'Read Orders Sheet',
	rowsNode: 'Orders',
	paynetNode: 'Update PayLink Status',
};

// Names used by the trigger example (Paynet Trigger → Edit Fields "Order Paid").
const TRIGGER_EXAMPLE = {
	triggerNode: 'Paynet Trigger',
	outputNode: 'Order Paid',
	// the trigger's webhook path, so the production URL is <base>/webhook/<webhookId>/<path>
	webhookPath: 'paylink-paid',
};

const PAYNET_NODE_TYPE = 'n8n-nodes-paynet.paynet';
const PAYNET_TRIGGER_TYPE = 'n8n-nodes-paynet.paynetTrigger';

// A paynetApi credential for the import CLI, aimed at a sandbox (or any URL) through the
// Custom URL environment.
function paynetCredential({ id, name, secretKey, baseUrl }) {
	return { id, name, type: 'paynetApi', data: { secretKey, environment: 'custom', baseUrl } };
}

// The example workflow as stored in examples/, with an id for the import CLI and, when
// ordersPath is given, its Read node pointed at that file instead of the Docker path.
function exampleWorkflow({ id, ordersPath }) {
	const workflow = JSON.parse(fs.readFileSync(EXAMPLE_WORKFLOW_FILE, 'utf8'));
	workflow.id = id;
	if (ordersPath) {
		const read = workflow.nodes.find((node) => node.name === EXAMPLE.readNode);
		if (!read) throw new Error(`${EXAMPLE_WORKFLOW_FILE} has no node named "${EXAMPLE.readNode}"`);
		read.parameters.fileSelector = ordersPath;
	}
	return workflow;
}

// Loads examples/mark-order-paid.workflow.json with an id for the import CLI and its trigger set to
// `credential`. Returns { workflow, trigger, webhookPath }, where the production URL is
// <base>/webhook/<webhookPath>.
function markOrderPaidWorkflow({ id, credential }) {
	const workflow = JSON.parse(fs.readFileSync(TRIGGER_EXAMPLE_FILE, 'utf8'));
	workflow.id = id;
	const trigger = workflow.nodes.find((node) => node.name === TRIGGER_EXAMPLE.triggerNode);
	if (!trigger || trigger.type !== PAYNET_TRIGGER_TYPE || !trigger.webhookId) {
		throw new Error(`${TRIGGER_EXAMPLE_FILE} has no ${PAYNET_TRIGGER_TYPE} node "${TRIGGER_EXAMPLE.triggerNode}" with a webhookId`);
	}
	trigger.credentials = { paynetApi: { id: credential.id, name: credential.name } };
	return { workflow, trigger, webhookPath: `${trigger.webhookId}/${TRIGGER_EXAMPLE.webhookPath}` };
}

// Builds Manual Trigger → Paynet PayLink Create with fixed values and a Confirmation URL. It has no
// id because it is sent to POST /rest/workflows, and `active: false` because 1.123.81 requires it.
function createPayLinkWorkflow({ name, credential, payerName, amount, referenceNumber, confirmationUrl }) {
	return {
		name,
		active: false,
		nodes: [
			manualTrigger,
			{
				id: 'e2e-create',
				name: 'Create PayLink',
				type: PAYNET_NODE_TYPE,
				typeVersion: 1,
				position: [220, 0],
				parameters: { resource: 'payLink', operation: 'create', payerName, amount, referenceNumber, confirmationUrl },
				credentials: { paynetApi: { id: credential.id, name: credential.name } },
			},
		],
		connections: { Start: { main: [[{ node: 'Create PayLink', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

// Every *.workflow.json in examples/, each with an id derived from its file name (16 characters,
// like the ids n8n makes), so `npm run dev` can tell which ones it has imported already.
function allExampleWorkflows() {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.workflow.json'))
		.sort()
		.map((file) => {
			const workflow = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));
			workflow.id = workflow.id || `pn${crypto.createHash('sha1').update(file).digest('hex').slice(0, 14)}`;
			return { file, workflow };
		});
}

const manualTrigger = {
	id: 'e2e-start',
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

// Manual Trigger → Edit Fields (one field holding `rows`) → Split Out (one item per row) →
// Paynet Update Status by reference number. The rows are what an earlier node produces.
function rowsToStatusUpdateWorkflow({ id, name, rows, credential, continueOnFail }) {
	const paynet = {
		id: 'e2e-paynet',
		name: 'Update PayLink Status',
		type: PAYNET_NODE_TYPE,
		typeVersion: 1,
		position: [660, 0],
		parameters: {
			resource: 'payLink',
			operation: 'updateStatus',
			identifierType: 'referenceNo',
			identifier: '={{ $json.reference }}',
			status: '={{ $json.status }}',
		},
		credentials: { paynetApi: { id: credential.id, name: credential.name } },
	};
	if (continueOnFail) paynet.onError = 'continueRegularOutput';

	return {
		id,
		name,
		nodes: [
			manualTrigger,
			{
				id: 'e2e-rows',
				name: 'Rows',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [220, 0],
				parameters: {
					assignments: {
						assignments: [{ id: 'rows', name: 'rows', value: `={{ ${JSON.stringify(rows)} }}`, type: 'array' }],
					},
					options: {},
				},
			},
			{
				id: 'e2e-split',
				name: 'One Item per Row',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [440, 0],
				parameters: { fieldToSplitOut: 'rows', options: {} },
			},
			paynet,
		],
		connections: {
			Start: { main: [[{ node: 'Rows', type: 'main', index: 0 }]] },
			Rows: { main: [[{ node: 'One Item per Row', type: 'main', index: 0 }]] },
			'One Item per Row': { main: [[{ node: paynet.name, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

module.exports = {
	EXAMPLE,
	EXAMPLES_DIR,
	EXAMPLE_WORKFLOW_FILE,
	ORDERS_CSV_FILE,
	TRIGGER_EXAMPLE,
	TRIGGER_EXAMPLE_FILE,
	PAYNET_NODE_TYPE,
	PAYNET_TRIGGER_TYPE,
	paynetCredential,
	markOrderPaidWorkflow,
	createPayLinkWorkflow,
	exampleWorkflow,
	allExampleWorkflows,
	rowsToStatusUpdateWorkflow,
};
