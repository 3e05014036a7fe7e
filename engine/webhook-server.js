// Serves the webhooks of a workflow on loopback as an n8n server does for an active workflow, for
// the tests and the demo. Each request reaches the trigger node's webhook() through n8n-core's real
// WebhookContext. The reply is the one the node wrote, or n8n's default reply. When the node returns
// workflow data, the workflow runs from the trigger in n8n-core's WorkflowExecute.
// What n8n's HTTP layer adds is imitated, not reused: body parsing by content type, the express
// methods nodes call on the response (status, json, send), and the "not registered" 404.
'use strict';

const http = require('node:http');

const { ExecutionLifecycleHooks, WebhookContext, WorkflowExecute } = require('n8n-core');
const { NodeHelpers, Workflow, createRunExecutionData } = require('n8n-workflow');
const { CredentialsHelper, NodeTypes, createAdditionalData, nextExecutionId, outputItems } = require('./run-workflow');

const MAX_BODY_BYTES = 1024 * 1024;
const WORKFLOW_ID = 'engine-webhook-workflow';

/** Parses the body as n8n's webhook endpoint does for JSON and form posts; other bodies stay text. */
function parseBody(rawBody, contentType = '') {
	const text = rawBody.toString('utf8');
	if (contentType.includes('application/json')) {
		try {
			return JSON.parse(text);
		} catch {
			return text;
		}
	}
	if (contentType.includes('application/x-www-form-urlencoded')) {
		return Object.fromEntries(new URLSearchParams(text));
	}
	return text;
}

/** Adds the express methods that webhook nodes call to Node's own response object. */
function expressResponse(response) {
	response.status = (code) => {
		response.statusCode = code;
		return response;
	};
	response.set = (name, value) => {
		response.setHeader(name, value);
		return response;
	};
	response.json = (body) => {
		const text = JSON.stringify(body);
		response.setHeader('Content-Type', 'application/json; charset=utf-8');
		response.end(text);
		return response;
	};
	response.send = (body) => {
		if (typeof body === 'object' && body !== null && !Buffer.isBuffer(body)) return response.json(body);
		response.end(body);
		return response;
	};
	return response;
}

/**
 * Starts serving `workflow` ({ nodes, connections }) on 127.0.0.1 and resolves with
 * `{ url, webhookUrl(nodeName), calls, runs, waitForRuns(count), stop() }`. `calls` records each
 * request with the reply sent; `runs` contains `{ run, items(nodeName), error }` per started workflow.
 * `stop()` first waits for the requests and runs in progress.
 */
async function startWebhookServer({ workflow, nodeTypes, credentialTypes, credentials = {}, timezone = 'Europe/Istanbul' }) {
	const types = new NodeTypes(nodeTypes);
	const credentialsHelper = new CredentialsHelper(credentialTypes, credentials);
	const workflowInstance = new Workflow({
		id: WORKFLOW_ID,
		name: workflow.name ?? 'Engine webhook workflow',
		nodes: workflow.nodes,
		connections: workflow.connections,
		active: true,
		nodeTypes: types,
		settings: { timezone, executionOrder: 'v1' },
	});

	const calls = [];
	const runs = [];
	const runWaiters = [];
	// Requests still being handled, with the workflow runs they started; stop() waits for them.
	const pending = new Set();
	let baseUrl;

	function webhooksOf(node) {
		const nodeType = types.getByName(node.type);
		return (nodeType.description.webhooks ?? []).map((description) => ({
			node,
			nodeType,
			description,
			path: NodeHelpers.getNodeWebhookPath(WORKFLOW_ID, node, description.path, description.isFullPath),
		}));
	}
	const webhooks = workflow.nodes.filter((node) => !node.disabled).flatMap(webhooksOf);

	function settleWaiters() {
		for (const waiter of [...runWaiters]) {
			if (runs.length >= waiter.count) {
				runWaiters.splice(runWaiters.indexOf(waiter), 1);
				clearTimeout(waiter.timer);
				waiter.resolve(runs.slice(0, waiter.count));
			}
		}
	}

	async function runFrom(node, workflowData, executionId, additionalData) {
		const runExecutionData = createRunExecutionData({
			executionData: { nodeExecutionStack: [{ node, data: { main: workflowData }, source: null }] },
		});
		const hooks = new ExecutionLifecycleHooks('webhook', executionId, { ...workflow, id: WORKFLOW_ID });
		const finished = new Promise((resolve) => hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)));
		const runAdditionalData = { ...additionalData, hooks, httpRequest: undefined, httpResponse: undefined };

		const execution = new WorkflowExecute(runAdditionalData, 'webhook', runExecutionData);
		await execution.processRunExecutionData(workflowInstance);
		const run = await finished;
		runs.push({ run, items: (nodeName) => outputItems(run, nodeName), error: run.data.resultData.error });
		settleWaiters();
	}

	async function handle(request, response, rawBody) {
		const url = new URL(request.url, baseUrl);
		const call = { method: request.method, path: url.pathname, rawBody: rawBody.toString('utf8'), reply: undefined };
		calls.push(call);
		response.on('finish', () => {
			call.reply = { statusCode: response.statusCode, body: response.sentBody };
		});
		const end = response.end.bind(response);
		response.end = (chunk, ...rest) => {
			if (chunk !== undefined && typeof chunk !== 'function') response.sentBody = String(chunk);
			return end(chunk, ...rest);
		};
		expressResponse(response);

		const webhook = webhooks.find(
			(candidate) => `/webhook/${candidate.path}` === url.pathname && candidate.description.httpMethod === request.method,
		);
		if (!webhook) {
			return response.status(404).json({ code: 404, message: `The requested webhook "${request.method} ${url.pathname}" is not registered.` });
		}

		const executionId = nextExecutionId();
		const additionalData = createAdditionalData(credentialsHelper, executionId);
		additionalData.webhookBaseUrl = `${baseUrl}/webhook`;
		additionalData.httpRequest = {
			method: request.method,
			headers: request.headers,
			params: {},
			query: Object.fromEntries(url.searchParams),
			body: parseBody(rawBody, request.headers['content-type']),
			rawBody,
		};
		additionalData.httpResponse = response;
		const webhookData = {
			httpMethod: webhook.description.httpMethod,
			node: webhook.node.name,
			path: webhook.path,
			webhookDescription: webhook.description,
			workflowId: WORKFLOW_ID,
			workflowExecuteAdditionalData: additionalData,
			webhookId: webhook.node.webhookId,
		};
		const context = new WebhookContext(workflowInstance, webhook.node, additionalData, 'webhook', webhookData, [], null);

		let result;
		try {
			result = await webhook.nodeType.webhook.call(context);
		} catch (error) {
			call.error = error;
			// n8n replies to a failing webhook() with a generic message and keeps the error to itself.
			if (!response.headersSent) response.status(500).json({ code: 0, message: 'Workflow could not be started!' });
			return;
		}

		if (!result.noWebhookResponse && !response.headersSent) {
			const fallback = result.workflowData === undefined ? 'Webhook call received' : 'Workflow was started';
			response.status(webhook.description.responseCode ?? 200).json(result.webhookResponse ?? { message: fallback });
		}
		if (result.workflowData !== undefined) await runFrom(webhook.node, result.workflowData, executionId, additionalData);
	}

	const server = http.createServer((request, response) => {
		const chunks = [];
		let size = 0;
		request.on('data', (chunk) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) request.destroy();
			else chunks.push(chunk);
		});
		request.on('end', () => {
			const task = handle(request, response, Buffer.concat(chunks)).catch((error) => {
				calls.push({ error });
				if (!response.headersSent) response.status(500).json({ code: 0, message: 'Workflow could not be started!' });
			});
			pending.add(task);
			task.finally(() => pending.delete(task));
		});
	});

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	baseUrl = `http://127.0.0.1:${server.address().port}`;

	return {
		url: baseUrl,
		calls,
		runs,
		/** Returns the production URL that n8n shows in the node's panel for its first webhook. */
		webhookUrl(nodeName) {
			const node = workflow.nodes.find((candidate) => candidate.name === nodeName);
			const [first] = webhooksOf(node);
			return NodeHelpers.getNodeWebhookUrl(`${baseUrl}/webhook`, WORKFLOW_ID, node, first.description.path, first.description.isFullPath);
		},
		/** Resolves with the first `count` runs once they have finished, or rejects after `timeoutMs`. */
		waitForRuns(count, timeoutMs = 10_000) {
			if (runs.length >= count) return Promise.resolve(runs.slice(0, count));
			return new Promise((resolve, reject) => {
				const waiter = { count, resolve };
				waiter.timer = setTimeout(() => {
					runWaiters.splice(runWaiters.indexOf(waiter), 1);
					reject(new Error(`Expected ${count} workflow runs within ${timeoutMs} ms, got ${runs.length}`));
				}, timeoutMs);
				runWaiters.push(waiter);
			});
		},
		async stop() {
			await Promise.allSettled([...pending]);
			for (const waiter of runWaiters.splice(0)) clearTimeout(waiter.timer);
			server.closeAllConnections?.();
			await new Promise((resolve) => server.close(() => resolve()));
		},
	};
}

module.exports = { startWebhookServer };
