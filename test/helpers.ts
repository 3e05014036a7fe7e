// Shared set-up for the workflow tests: a sandbox per test file, and workflows that feed rows
// from an earlier node into one Paynet node, run through n8n-core's engine.
import type { INode, INodeParameters } from 'n8n-workflow';

import { PaynetApi } from '../credentials/PaynetApi.credentials';
import { Paynet } from '../nodes/Paynet/Paynet.node';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runWorkflow } = require('../engine/run-workflow');
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
}

/** Runs Manual Trigger → Rows (the given rows) → Paynet with the given parameters. */
export async function runPaynet(options: PaynetRunOptions): Promise<RunResult> {
	const { sandbox, rows, parameters, continueOnFail = false } = options;
	const credential = options.credential ?? {
		secretKey: SANDBOX_SECRET_KEY,
		environment: 'custom',
		baseUrl: sandbox.url,
	};

	const paynetNode: INode = {
		id: 'paynet',
		name: PAYNET_NODE,
		type: 'n8n-nodes-paynet.paynet',
		typeVersion: 1,
		position: [400, 0],
		parameters,
		credentials: { paynetApi: { id: 'paynet-credential', name: 'Paynet sandbox' } },
		...(continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
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
		nodeTypes: { 'n8n-nodes-paynet.paynet': new Paynet() },
		credentialTypes: { paynetApi: new PaynetApi() },
		credentials: { 'paynet-credential': { type: 'paynetApi', data: credential } },
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
