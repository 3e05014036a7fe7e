// Runs a workflow through n8n-core's real engine (WorkflowExecute) in this process, for the tests
// and the demo: real expressions, item pairing, On Error handling and authenticated HTTP requests.
// Only the parts of an n8n server the engine calls out to are provided here: node types,
// decrypted credentials, and run hooks.
'use strict';

const os = require('node:os');
const path = require('node:path');

// n8n-core reads its settings when it is first loaded; without these it writes a config file with a
// new encryption key into ~/.n8n. The runner stores nothing, so a folder under the temp dir serves.
process.env.N8N_USER_FOLDER ??= path.join(os.tmpdir(), 'n8n-nodes-paynet-engine');
process.env.N8N_ENCRYPTION_KEY ??= 'n8n-nodes-paynet-engine-runner';
// The engine reports every node error through n8n's logger; callers read errors from the run instead.
process.env.N8N_LOG_LEVEL ??= 'silent';

const { ExecutionLifecycleHooks, WorkflowExecute } = require('n8n-core');
const { Expression, Workflow, createRunExecutionData } = require('n8n-workflow');
const { ManualTrigger, FixtureRows } = require('./stand-in-nodes');

const MANUAL_TRIGGER_TYPE = 'n8n-nodes-base.manualTrigger';

class NodeTypes {
	constructor(types) {
		this.types = { [MANUAL_TRIGGER_TYPE]: new ManualTrigger(), 'engine.fixtureRows': new FixtureRows(), ...types };
	}

	getByName(type) {
		const nodeType = this.types[type];
		if (!nodeType) throw new Error(`Unknown node type "${type}": pass it to runWorkflow in nodeTypes`);
		return nodeType;
	}

	getByNameAndVersion(type) {
		return this.getByName(type);
	}

	getKnownTypes() {
		return {};
	}
}

/** Resolves one `={{ ... }}` value of a credential's authenticate block, as n8n's credentials helper does. */
function resolveCredentialValue(value, credentials) {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	return Expression.resolveWithoutWorkflow(value.slice(1), { $credentials: credentials });
}

/**
 * The credentials side of an n8n server: stored credentials by id, and `authenticate` applied
 * from the credential type's own generic block so tests prove the header the credential builds.
 */
class CredentialsHelper {
	constructor(credentialTypes, credentialsById) {
		this.credentialTypes = credentialTypes;
		this.credentialsById = credentialsById;
	}

	getParentTypes() {
		return [];
	}

	isCredentialUsableByNode() {
		return true;
	}

	async authenticate(credentials, typeName, requestOptions) {
		const credentialType = this.credentialTypes[typeName];
		const authenticate = credentialType?.authenticate;
		if (!authenticate) return requestOptions;
		if (authenticate.type !== 'generic') {
			throw new Error(`The engine runner supports generic authenticate blocks only, not "${authenticate.type}"`);
		}
		for (const [target, values] of Object.entries(authenticate.properties)) {
			requestOptions[target] = { ...(requestOptions[target] ?? {}) };
			for (const [name, value] of Object.entries(values)) {
				requestOptions[target][resolveCredentialValue(name, credentials)] = resolveCredentialValue(value, credentials);
			}
		}
		return requestOptions;
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(nodeCredentials) {
		return this.credentialsById[nodeCredentials.id];
	}

	async getDecrypted(_additionalData, nodeCredentials, type) {
		const stored = this.credentialsById[nodeCredentials.id];
		if (!stored || stored.type !== type) {
			throw new Error(`No credential of type "${type}" with id "${nodeCredentials.id}" was given to the engine runner`);
		}
		return { ...stored.data };
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(type) {
		return this.credentialTypes[type]?.properties ?? [];
	}
}

function createAdditionalData(credentialsHelper, executionId) {
	return {
		credentialsHelper,
		executionId,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		variables: {},
		async executeWorkflow() {
			throw new Error('Sub-workflows are not available in the engine runner');
		},
		async getRunExecutionData() {
			return undefined;
		},
		async getRuntimeCredential() {
			return undefined;
		},
		logAiEvent() {},
	};
}

let executionCounter = 0;

function nextExecutionId() {
	return `engine-${++executionCounter}`;
}

/** Returns the JSON and pairing of a node's first output in a finished run, or undefined if it did not run. */
function outputItems(run, nodeName) {
	const taskData = run.data.resultData.runData[nodeName];
	if (!taskData) return undefined;
	const output = taskData[taskData.length - 1].data?.main?.[0] ?? [];
	return output.map(({ json, pairedItem }) => ({ json, pairedItem }));
}

/**
 * Runs `workflow` ({ nodes, connections, pinData? }) from its Manual Trigger and resolves with
 * `{ run, items(nodeName), error }`, where `items` returns the JSON and pairing of a node's output.
 * `credentials` maps a credential id to `{ type, data }`; `credentialTypes` maps a type name to its class instance.
 */
async function runWorkflow({ workflow, nodeTypes, credentialTypes, credentials = {}, timezone = 'Europe/Istanbul' }) {
	const executionId = nextExecutionId();
	const workflowInstance = new Workflow({
		id: 'engine-workflow',
		name: workflow.name ?? 'Engine workflow',
		nodes: workflow.nodes,
		connections: workflow.connections,
		active: false,
		nodeTypes: new NodeTypes(nodeTypes),
		settings: { timezone, executionOrder: 'v1' },
		pinData: workflow.pinData,
	});

	const startNode = workflow.nodes.find((node) => node.type === MANUAL_TRIGGER_TYPE);
	if (!startNode) throw new Error('The workflow needs a Manual Trigger node to start from');

	const additionalData = createAdditionalData(new CredentialsHelper(credentialTypes, credentials), executionId);
	const hooks = new ExecutionLifecycleHooks('manual', executionId, { ...workflow, id: 'engine-workflow' });
	const finished = new Promise((resolve) => hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)));
	additionalData.hooks = hooks;

	const execution = new WorkflowExecute(additionalData, 'manual', createRunExecutionData());
	await execution.run({ workflow: workflowInstance, startNode, pinData: workflow.pinData });
	const run = await finished;

	const items = (nodeName) => outputItems(run, nodeName);

	return { run, items, error: run.data.resultData.error };
}

module.exports = {
	runWorkflow,
	MANUAL_TRIGGER_TYPE,
	NodeTypes,
	CredentialsHelper,
	createAdditionalData,
	outputItems,
	nextExecutionId,
};
