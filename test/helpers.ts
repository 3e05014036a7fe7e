// Shared set-up for the workflow tests: a sandbox per test file, workflows that feed rows from an
// earlier node into one Paynet node, run through n8n-core's engine, and a served Paynet Trigger.
import type { INode, INodeParameters } from 'n8n-workflow';

import { PaynetApi } from '../credentials/PaynetApi.credentials';
import { Paynet } from '../nodes/Paynet/Paynet.node';
import { PaynetTrigger } from '../nodes/PaynetTrigger/PaynetTrigger.node';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runWorkflow } = require('../engine/run-workflow');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startWebhookServer } = require('../engine/webhook-server');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { EditFields, PassThrough } = require('../engine/stand-in-nodes');
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { createSandbox, SANDBOX_SECRET_KEY, SANDBOX_PUBLISHABLE_KEY } = require('../sandbox/server');

export interface Sandbox {
	url: string;
	secretKey: string;
	requests: Array<{ path: string; headers: Record<string, string>; body: any; rawBody: string }>;
	payLinks: Array<Record<string, any>>;
	transactions: Array<Record<string, any>>;
	confirmations: Array<Record<string, any>>;
	requestsTo(path: string): Sandbox['requests'];
	addFault(fault: Record<string, unknown>): void;
	clearFaults(): void;
	clearRequests(): void;
	reset(): void;
	pay(identifier: Record<string, string>, overrides?: Record<string, unknown>): Promise<any>;
	start(): Promise<Sandbox>;
	stop(): Promise<void>;
}

export interface OutputItem {
	json: Record<string, any>;
	pairedItem: { item: number };
}

export interface RunResult {
	items(nodeName: string): OutputItem[] | undefined;
	error?: Error & { description?: string; context?: Record<string, unknown>; httpCode?: string };
	run: unknown;
}

export const PAYNET_NODE = 'Paynet';

export interface PaynetRunOptions {
	sandbox: Sandbox;
	rows: Array<Record<string, unknown>>;
	parameters: INodeParameters;
	continueOnFail?: boolean;
	credential?: Record<string, unknown>;
	/** Node settings such as `retryOnFail`, merged into the Paynet node. */
	nodeSettings?: Partial<INode>;
}

export const CREDENTIAL_ID = 'paynet-credential';

/** The credential block of a node that uses the test credential. */
export const NODE_CREDENTIALS = { paynetApi: { id: CREDENTIAL_ID, name: 'Paynet sandbox' } };

function sandboxCredential(sandbox: Sandbox): Record<string, unknown> {
	return { secretKey: SANDBOX_SECRET_KEY, environment: 'custom', baseUrl: sandbox.url };
}

/**
 * Builds the node types, credential type and stored credential that the engine runner and the
 * webhook server take. The node types are this package's nodes and stand-ins for the built-in
 * nodes that the examples use.
 */
export function engineOptions(credential: Record<string, unknown>) {
	return {
		nodeTypes: {
			'n8n-nodes-paynet.paynet': new Paynet(),
			'n8n-nodes-paynet.paynetTrigger': new PaynetTrigger(),
			'n8n-nodes-base.set': new EditFields(),
			'n8n-nodes-base.readWriteFile': new PassThrough('Read/Write Files from Disk'),
			'n8n-nodes-base.extractFromFile': new PassThrough('Extract from File'),
		},
		credentialTypes: { paynetApi: new PaynetApi() },
		credentials: { [CREDENTIAL_ID]: { type: 'paynetApi', data: credential } },
	};
}

/** Returns the engine options with the credential of the given sandbox. */
export function sandboxEngine(sandbox: Sandbox) {
	return engineOptions(sandboxCredential(sandbox));
}

/** Runs Manual Trigger → Rows (the given rows) → Paynet with the given parameters. */
export async function runPaynet(options: PaynetRunOptions): Promise<RunResult> {
	const { sandbox, rows, parameters, continueOnFail = false } = options;
	const credential = options.credential ?? sandboxCredential(sandbox);

	const paynetNode: INode = {
		id: 'paynet',
		name: PAYNET_NODE,
		type: 'n8n-nodes-paynet.paynet',
		typeVersion: 1,
		position: [400, 0],
		parameters,
		credentials: NODE_CREDENTIALS,
		...(continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...options.nodeSettings,
	};

	return (await runWorkflow({
		workflow: {
			nodes: [
				{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{ id: 'rows', name: 'Rows', type: 'engine.fixtureRows', typeVersion: 1, position: [200, 0], parameters: { rows: JSON.stringify(rows) } },
				paynetNode,
			],
			connections: {
				Start: { main: [[{ node: 'Rows', type: 'main', index: 0 }]] },
				Rows: { main: [[{ node: PAYNET_NODE, type: 'main', index: 0 }]] },
			},
		},
		...engineOptions(credential),
	})) as RunResult;
}

/** Starts a sandbox for the test file and resets it before every test. */
export function useSandbox(): { current: Sandbox } {
	const holder = {} as { current: Sandbox };
	beforeAll(async () => {
		holder.current = await createSandbox().start();
	});
	beforeEach(() => holder.current.reset());
	afterAll(async () => {
		await holder.current.stop();
	});
	return holder;
}

/** Serialises everything a run produced, to search it for text that must never appear. */
export function everythingIn(result: RunResult): string {
	const error = result.error;
	const errorParts = error
		? [error.message, error.description, error.stack, JSON.stringify(error), JSON.stringify(error.context)]
		: [];
	return [JSON.stringify(result.run), ...errorParts].join('\n');
}

export const TRIGGER_NODE = 'Paynet Trigger';
export const CHECK_NODE = 'Check Payment';
export const TRIGGER_WEBHOOK_ID = '5b0f7c1e-8a43-4f7e-9d2a-3c6e1f0a9b27';

export interface WebhookCall {
	method: string;
	path: string;
	rawBody: string;
	reply?: { statusCode: number; body: string };
	error?: Error;
}

export interface TriggerServer {
	url: string;
	calls: WebhookCall[];
	runs: RunResult[];
	webhookUrl(nodeName: string): string;
	waitForRuns(count: number, timeoutMs?: number): Promise<RunResult[]>;
	stop(): Promise<void>;
}

export interface TriggerOptions {
	sandbox: Sandbox;
	parameters?: INodeParameters;
	credential?: Record<string, unknown>;
	/** Whether to connect the Check Payment node after the trigger; true unless given. */
	withCheckNode?: boolean;
}

/**
 * Serves Paynet Trigger → Check Payment (the Paynet node checking the trigger's reference number)
 * on loopback, the way an n8n server serves an active workflow.
 */
export async function startPaynetTrigger(options: TriggerOptions): Promise<TriggerServer> {
	const { sandbox, parameters = {}, withCheckNode = true } = options;
	const credential = options.credential ?? sandboxCredential(sandbox);
	const checkNode: INode = {
		id: 'check',
		name: CHECK_NODE,
		type: 'n8n-nodes-paynet.paynet',
		typeVersion: 1,
		position: [200, 0],
		parameters: {
			resource: 'transaction',
			operation: 'check',
			identifierType: 'referenceNo',
			identifier: '={{ $json.reference_no }}',
		},
		credentials: NODE_CREDENTIALS,
	};

	return (await startWebhookServer({
		workflow: {
			nodes: [
				{
					id: 'trigger',
					name: TRIGGER_NODE,
					type: 'n8n-nodes-paynet.paynetTrigger',
					typeVersion: 1,
					position: [0, 0],
					webhookId: TRIGGER_WEBHOOK_ID,
					parameters,
					credentials: NODE_CREDENTIALS,
				},
				...(withCheckNode ? [checkNode] : []),
			],
			connections: withCheckNode ? { [TRIGGER_NODE]: { main: [[{ node: CHECK_NODE, type: 'main', index: 0 }]] } } : {},
		},
		...engineOptions(credential),
	})) as TriggerServer;
}
