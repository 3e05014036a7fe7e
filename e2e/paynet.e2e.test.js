'use strict';
// Acceptance suite: installs the packed n8n-nodes-paynet tarball into real n8n instances the way
// the Community Nodes screen does. It runs workflows with `n8n execute` against the local Paynet
// sandbox, tests the credential through n8n's REST API, and checks the node in the editor with
// headless Chromium. One `describe` per n8n version.
//
//   npm run test:e2e                                   # builds, packs, runs both versions
//   PAYNET_E2E_VERSIONS=2.40.7 npm run test:e2e        # one version
//   PAYNET_E2E_TGZ=/path/pkg.tgz node --test e2e/paynet.e2e.test.js   # an existing tarball
//
// Screenshots go to e2e/artifacts/<n8n version>/.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { after, before, describe, it } = require('node:test');

const { ensureN8n } = require('./lib/install');
const { createInstance, nodeOutput, nodeRunError, request } = require('./lib/instance');
const { ensureChromium, openEditor } = require('./lib/browser');
const { REPO_ROOT, buildPackage, packPackage } = require('./lib/package');
const {
	EXAMPLE,
	ORDERS_CSV_FILE,
	PAYNET_NODE_TYPE,
	TRIGGER_EXAMPLE,
	createPayLinkWorkflow,
	exampleWorkflow,
	markOrderPaidWorkflow,
	paynetCredential,
	rowsToStatusUpdateWorkflow,
} = require('./lib/paynet-fixtures');
const { createSandbox, SANDBOX_SECRET_KEY, SANDBOX_PUBLISHABLE_KEY, today } = require('../sandbox/server');

const VERSIONS = (process.env.PAYNET_E2E_VERSIONS || '2.40.7,1.123')
	.split(',')
	.map((v) => v.trim())
	.filter(Boolean);
const ARTIFACTS = path.join(__dirname, 'artifacts');
const STATUS_UPDATE = '/v1/mailorder/status_update';
const TRANSACTION_CHECK = '/v1/transaction/check';
const TRIGGER_WORKFLOW_ID = 'e2ePaynetTrigger1';
// The PayLink the trigger test creates through n8n and pays, and the unpaid fixture it forges.
const TRIGGER_PAYLINK = { payerName: 'Deniz Aydın', amount: 410.75, referenceNumber: 'ORD-E2E-2001' };
const FORGED_REFERENCE = 'ORD-1002';
// How long the trigger test waits for n8n to record an execution, and how long it waits after a
// forged callback before it counts the executions again.
const EXECUTION_TIMEOUT_MS = 20000;
const QUIET_PERIOD_MS = 2000;
const WRONG_SECRET_KEY = 'sck_wrong_e2e_Zt8/q+1Lm';

// A first run installs n8n (about 3.5 min per version), so the set-up gets a long timeout.
const SETUP_TIMEOUT_MS = 20 * 60 * 1000;
const TEST_TIMEOUT_MS = 5 * 60 * 1000;

// What each order of examples/orders.csv must come to, given the sandbox's fixture PayLinks:
// the request the node sends (null when it must send none) and the outcome.
const EXAMPLE_ORDERS = [
	{ orderNo: '10231', sent: { reference_no: 'ORD-1001', status: 3 }, outcome: 'UPDATED', code: 0 },
	{ orderNo: '10232', sent: { reference_no: 'ORD-1002', status: 3 }, outcome: 'UPDATED', code: 0 },
	{ orderNo: '10233', sent: { reference_no: 'ORD-1003', status: 0 }, outcome: 'UPDATED', code: 0 },
	{ orderNo: '10234', sent: { reference_no: 'ORD-1004', status: 3 }, outcome: 'UPDATED', code: 0 },
	// ORD-1005 is paid, and Paynet does not change a paid PayLink
	{ orderNo: '10235', sent: { reference_no: 'ORD-1005', status: 3 }, outcome: 'FAILED', resultCode: 1 },
	{ orderNo: '10236', sent: { reference_no: 'ORD-9999', status: 3 }, outcome: 'FAILED', resultCode: 12 },
	// the row has no reference number: the node rejects the item before sending anything
	{ orderNo: '10237', sent: null, outcome: 'FAILED', error: /Reference Number is empty/ },
	{ orderNo: '10238', sent: { reference_no: 'ORD-1002', status: 0 }, outcome: 'UPDATED', code: 0 },
	// the row before already re-opened ORD-1003, so Paynet returns result code 100 (already done)
	{ orderNo: '10239', sent: { reference_no: 'ORD-1003', status: 0 }, outcome: 'UNCHANGED', code: 100 },
];

// Statuses of the fixture PayLinks after the example ran (ORD-1005 is paid and keeps its status).
const EXAMPLE_FINAL_STATUSES = { 'ORD-1001': 3, 'ORD-1002': 0, 'ORD-1003': 0, 'ORD-1004': 3 };

let tgz;
let workDir;
let demoOutcomes;

// Outcome of one Paynet output item, in the words `npm run demo` prints.
function outcomeOf(json) {
	if (json.error) return 'FAILED';
	return Number(json.code) === 100 ? 'UNCHANGED' : 'UPDATED';
}

// Runs `node demo/run.js` (n8n-core's engine, in-process) and returns { orderNo: outcome }
// from the lines it prints, for example "order 10231  ORD-1001 ... UPDATED (result code 0 ...)".
function runDemo() {
	const text = execFileSync(process.execPath, [path.join(REPO_ROOT, 'demo', 'run.js')], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
		env: { ...process.env, PAYNET_SECRET_KEY: '' },
	});
	const outcomes = {};
	for (const match of text.matchAll(/^order (\d+)\s.*?\s(UPDATED|UNCHANGED|FAILED)\b/gm)) {
		outcomes[match[1]] = match[2];
	}
	return { text, outcomes };
}

function statusesOf(sandbox) {
	return Object.fromEntries(sandbox.payLinks.map((link) => [link.reference_no, link.status]));
}

function fixtureStatuses() {
	const fresh = createSandbox();
	return statusesOf(fresh);
}

// n8n's whole output of a CLI run, for the secret-key checks.
function outputOf(result) {
	return `${result.stdout}\n${result.stderr}`;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Polls the workflow's executions until one whose id is not in `knownIds` has finished. Returns
// it with its run data decoded, or throws after timeoutMs.
async function waitForNewExecution(inst, workflowId, knownIds, timeoutMs) {
	const started = Date.now();
	let seen = [];
	for (;;) {
		seen = await inst.listExecutions(workflowId);
		const fresh = seen.find((execution) => !knownIds.includes(String(execution.id)));
		if (fresh && !['new', 'running', 'waiting', 'unknown'].includes(fresh.status)) return inst.getExecution(fresh.id);
		if (Date.now() - started > timeoutMs) {
			throw new Error(`no finished execution of ${workflowId} after ${timeoutMs} ms; listed: ${JSON.stringify(seen)}`);
		}
		await sleep(250);
	}
}

function describeRun(result) {
	return `exit ${result.code}; error ${JSON.stringify(result.error)}\n--- stdout (end)\n${result.stdout.slice(-2500)}\n--- stderr (end)\n${result.stderr.slice(-2500)}`;
}

before(
	async () => {
		ensureChromium();
		workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'paynet-e2e-suite-'));
		if (process.env.PAYNET_E2E_TGZ) {
			tgz = path.resolve(process.env.PAYNET_E2E_TGZ);
		} else {
			buildPackage({ quiet: true });
			tgz = packPackage(workDir);
		}
		demoOutcomes = runDemo();
	},
	{ timeout: SETUP_TIMEOUT_MS },
);

after(() => {
	if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

for (const spec of VERSIONS) {
	describe(`n8n ${spec}`, () => {
		let inst;
		let sandbox;
		let filesDir;
		let version;
		let pkg;
		let serverStarted = false;

		const goodCredential = () =>
			paynetCredential({
				id: EXAMPLE.credentialId,
				name: EXAMPLE.credentialName,
				secretKey: SANDBOX_SECRET_KEY,
				baseUrl: sandbox.url,
			});
		const wrongCredential = () =>
			paynetCredential({ id: 'e2eWrongKeyCred1', name: 'Paynet wrong key', secretKey: WRONG_SECRET_KEY, baseUrl: sandbox.url });

		const continueWorkflow = () =>
			rowsToStatusUpdateWorkflow({
				id: 'e2ePaynetContinue',
				name: 'e2e: On Error → Continue with unknown PayLinks',
				rows: [
					{ reference: 'ORD-1004', status: 3 },
					{ reference: 'ORD-4040', status: 3 },
					{ reference: 'ORD-1003', status: 0 },
					{ reference: 'NO-SUCH-REF', status: 0 },
				],
				credential: goodCredential(),
				continueOnFail: true,
			});
		const wrongKeyWorkflow = () =>
			rowsToStatusUpdateWorkflow({
				id: 'e2ePaynetWrongKey',
				name: 'e2e: wrong secret key',
				rows: [
					{ reference: 'ORD-1001', status: 3 },
					{ reference: 'ORD-1002', status: 3 },
				],
				credential: wrongCredential(),
				continueOnFail: false,
			});

		const triggerExample = () => markOrderPaidWorkflow({ id: TRIGGER_WORKFLOW_ID, credential: goodCredential() });

		async function ensureServer() {
			if (serverStarted) return;
			await inst.start({ timeoutMs: 180000 });
			await inst.setupOwner();
			await inst.login();
			serverStarted = true;
		}

		before(
			async () => {
				const install = await ensureN8n(spec);
				version = install.version;
				sandbox = await createSandbox().start();
				// The file nodes may read only below N8N_RESTRICT_FILE_ACCESS_TO (the same variable in
				// 1.123 and 2.40; 2.x defaults it to ~/.n8n-files). The .n8n folder itself is always blocked.
				filesDir = fs.mkdtempSync(path.join(os.tmpdir(), `paynet-e2e-files-${version}-`));
				inst = await createInstance(install, { env: { N8N_RESTRICT_FILE_ACCESS_TO: filesDir } });
				pkg = await inst.installPackage(tgz);
				fs.copyFileSync(ORDERS_CSV_FILE, path.join(filesDir, 'orders.csv'));
				await inst.importCredentials([goodCredential(), wrongCredential()]);
				await inst.importWorkflows([
					exampleWorkflow({ id: 'e2ePaynetExample1', ordersPath: path.join(filesDir, 'orders.csv') }),
					continueWorkflow(),
					wrongKeyWorkflow(),
					triggerExample().workflow,
				]);
			},
			{ timeout: SETUP_TIMEOUT_MS },
		);

		after(async () => {
			if (inst) await inst.dispose();
			if (sandbox) await sandbox.stop();
			if (filesDir) fs.rmSync(filesDir, { recursive: true, force: true });
		});

		it('installs the tarball like the Community Nodes screen', { timeout: TEST_TIMEOUT_MS }, () => {
			const installed = JSON.parse(fs.readFileSync(path.join(pkg.dir, 'package.json'), 'utf8'));
			assert.equal(pkg.name, 'n8n-nodes-paynet');
			assert.equal(pkg.dir, path.join(inst.nodesFolder, 'node_modules', 'n8n-nodes-paynet'));
			for (const file of [...installed.n8n.nodes, ...installed.n8n.credentials]) {
				assert.ok(fs.existsSync(path.join(pkg.dir, file)), `the tarball lacks ${file}, which package.json lists`);
			}
			assert.ok(fs.existsSync(path.join(pkg.dir, 'dist', 'nodes', 'Paynet', 'paynet.svg')), 'the tarball lacks the node icon');
			assert.equal(installed.peerDependencies, undefined, 'n8n drops peerDependencies on install');
			assert.ok(!fs.existsSync(path.join(pkg.dir, 'node_modules')), 'the package must install no dependencies of its own');
			const nodesPackage = JSON.parse(fs.readFileSync(path.join(inst.nodesFolder, 'package.json'), 'utf8'));
			assert.equal(nodesPackage.dependencies['n8n-nodes-paynet'], installed.version);
		});

		it('example workflow updates PayLinks from CSV rows', { timeout: TEST_TIMEOUT_MS }, async () => {
			sandbox.reset();
			const result = await inst.execute('e2ePaynetExample1');
			assert.ok(result.ok, `the example workflow failed:\n${describeRun(result)}`);

			// the rows come from the real Read/Write Files from Disk and Extract from File nodes
			const rows = nodeOutput(result.run, EXAMPLE.rowsNode).map((item) => item.json);
			assert.deepEqual(
				rows.map((row) => row.order_no),
				EXAMPLE_ORDERS.map((order) => order.orderNo),
				'the Orders node did not produce one row per CSV line',
			);
			assert.equal(rows[0].customer, 'Ayşe Küçük', 'the CSV was not read as UTF-8');

			const out = nodeOutput(result.run, EXAMPLE.paynetNode);
			assert.equal(out.length, EXAMPLE_ORDERS.length, `expected one output item per order, got ${JSON.stringify(out)}`);
			EXAMPLE_ORDERS.forEach((order, index) => {
				const { json, pairedItem } = out[index];
				const label = `order ${order.orderNo} (item ${index})`;
				assert.deepEqual(pairedItem, { item: index }, `${label} is not paired with its row`);
				assert.equal(outcomeOf(json), order.outcome, `${label}: ${JSON.stringify(json)}`);
				if (order.code !== undefined) assert.equal(json.code, order.code, `${label} result code`);
				if (order.resultCode !== undefined) {
					assert.equal(json.resultCode, order.resultCode, `${label} resultCode`);
					assert.match(json.error, new RegExp(`result code ${order.resultCode}\\b`, 'i'), label);
				}
				if (order.error) assert.match(json.error, order.error, label);
				if (order.outcome === 'FAILED') assert.ok(json.error.endsWith(`[item ${index}]`), `${label} error must name its item: ${json.error}`);
			});

			// `npm run demo` runs the same workflow in n8n-core's engine: both must agree per order
			assert.deepEqual(
				Object.fromEntries(out.map((item, index) => [EXAMPLE_ORDERS[index].orderNo, outcomeOf(item.json)])),
				demoOutcomes.outcomes,
				`real n8n and the demo disagree; the demo printed:\n${demoOutcomes.text}`,
			);

			const sent = sandbox.requestsTo(STATUS_UPDATE);
			const expectedBodies = EXAMPLE_ORDERS.filter((order) => order.sent).map((order) => order.sent);
			assert.equal(sent.length, expectedBodies.length, 'one request per order with a reference number');
			sent.forEach((request, index) => {
				assert.equal(request.method, 'POST');
				assert.equal(request.rawBody, JSON.stringify(expectedBodies[index]), `body of request ${index}`);
				assert.equal(request.headers.authorization, `Basic ${SANDBOX_SECRET_KEY}`, 'the key must follow "Basic " raw');
				assert.match(request.headers['content-type'], /^application\/json/);
			});
			const statuses = statusesOf(sandbox);
			for (const [reference, status] of Object.entries(EXAMPLE_FINAL_STATUSES)) {
				assert.equal(statuses[reference], status, `status of ${reference} in the sandbox`);
			}
			assert.equal(statuses['ORD-1005'], fixtureStatuses()['ORD-1005'], 'the paid PayLink must keep its status');
			assert.ok(!outputOf(result).includes(SANDBOX_SECRET_KEY), 'the secret key appears in n8n output');
		});

		it('On Error → Continue turns unknown PayLinks into error items', { timeout: TEST_TIMEOUT_MS }, async () => {
			sandbox.reset();
			const result = await inst.execute('e2ePaynetContinue');
			assert.ok(result.ok, `the run must succeed with On Error → Continue:\n${describeRun(result)}`);

			const out = nodeOutput(result.run, 'Update PayLink Status');
			assert.equal(out.length, 4, JSON.stringify(out));
			out.forEach(({ pairedItem }, index) => assert.deepEqual(pairedItem, { item: index }, `pairing of item ${index}`));

			for (const index of [0, 2]) {
				assert.equal(out[index].json.error, undefined, `item ${index}: ${JSON.stringify(out[index].json)}`);
				assert.equal(out[index].json.code, 0, `item ${index} result code`);
			}
			for (const [index, reference] of [
				[1, 'ORD-4040'],
				[3, 'NO-SUCH-REF'],
			]) {
				const { json } = out[index];
				assert.equal(json.resultCode, 12, `item ${index}: ${JSON.stringify(json)}`);
				assert.ok(json.paynetMessage, `item ${index} has no paynetMessage`);
				assert.ok(json.error.includes(json.paynetMessage), `item ${index} error must carry Paynet's message: ${json.error}`);
				assert.match(json.error, /result code 12\b/i);
				assert.ok(json.error.endsWith(`[item ${index}]`), `item ${index} error must name its item: ${json.error}`);
				assert.ok(json.description.includes(`reference number "${reference}"`), `item ${index} description: ${json.description}`);
			}

			assert.deepEqual(
				sandbox.requestsTo(STATUS_UPDATE).map((request) => request.body),
				[
					{ reference_no: 'ORD-1004', status: 3 },
					{ reference_no: 'ORD-4040', status: 3 },
					{ reference_no: 'ORD-1003', status: 0 },
					{ reference_no: 'NO-SUCH-REF', status: 0 },
				],
			);
			const statuses = statusesOf(sandbox);
			const before = fixtureStatuses();
			assert.equal(statuses['ORD-1004'], 3);
			assert.equal(statuses['ORD-1003'], 0);
			for (const reference of ['ORD-1001', 'ORD-1002', 'ORD-1005']) {
				assert.equal(statuses[reference], before[reference], `${reference} must not change`);
			}
		});

		it('wrong secret key fails the run with result code 7', { timeout: TEST_TIMEOUT_MS }, async () => {
			sandbox.reset();
			const result = await inst.execute('e2ePaynetWrongKey');
			assert.equal(result.ok, false, 'the run must fail');
			assert.notEqual(result.code, 0, 'n8n execute must exit with an error code');
			assert.ok(result.error, `n8n reported no workflow error:\n${describeRun(result)}`);

			const nodeError = nodeRunError(result.run, 'Update PayLink Status');
			assert.ok(nodeError, 'the Paynet node has no error in the run data');
			for (const error of [result.error, nodeError]) {
				const detail = JSON.stringify(error).slice(0, 1500);
				assert.match(error.message, /\bHTTP 401\b/, detail);
				assert.ok(error.message.endsWith('[item 0]'), `the error must name the item: ${error.message}`);
				assert.equal(String(error.httpCode), '401', detail);
				assert.match(error.description, /\bResult code 7\b/, detail);
				assert.match(error.description, /custom/i, `the description must name the environment: ${error.description}`);
			}

			const sent = sandbox.requestsTo(STATUS_UPDATE);
			assert.equal(sent.length, 1, 'the run must stop at the first rejected item');
			assert.equal(sent[0].headers.authorization, `Basic ${WRONG_SECRET_KEY}`);
			assert.deepEqual(statusesOf(sandbox), fixtureStatuses(), 'no PayLink may change');
			assert.ok(!outputOf(result).includes(WRONG_SECRET_KEY), 'the secret key appears in n8n output');
			assert.ok(!outputOf(result).includes(SANDBOX_SECRET_KEY), 'another secret key appears in n8n output');
		});

		it('server loads the node and credential types', { timeout: TEST_TIMEOUT_MS }, async () => {
			await ensureServer();
			const nodes = await inst.restOk('GET', '/types/nodes.json');
			const paynet = nodes.json.find((type) => type.name === PAYNET_NODE_TYPE);
			assert.ok(paynet, `${PAYNET_NODE_TYPE} is not among the ${nodes.json.length} node types`);
			assert.equal(paynet.displayName, 'Paynet');
			const credentials = await inst.restOk('GET', '/types/credentials.json');
			assert.ok(
				credentials.json.some((type) => type.name === 'paynetApi'),
				'the paynetApi credential type is not loaded',
			);
		});

		it('credential test passes for the sandbox key', { timeout: TEST_TIMEOUT_MS }, async () => {
			await ensureServer();
			sandbox.reset();
			const result = await inst.testCredential({
				type: 'paynetApi',
				data: { secretKey: SANDBOX_SECRET_KEY, environment: 'custom', baseUrl: sandbox.url },
			});
			assert.equal(result.status, 'OK', JSON.stringify(result));

			const calls = sandbox.requestsTo('/v1/mailorder/list');
			assert.ok(calls.length >= 1, 'the credential test did not reach the sandbox');
			assert.equal(calls[0].headers.authorization, `Basic ${SANDBOX_SECRET_KEY}`);
			assert.deepEqual(calls[0].body, { datab: today(), datbi: today(), limit: 1 });
			assert.equal(sandbox.requestsTo(STATUS_UPDATE).length, 0, 'the credential test must change nothing');

			// the imported credential, tested as stored (secrets come back from n8n's database)
			const stored = await inst.testCredential({ id: EXAMPLE.credentialId, name: EXAMPLE.credentialName, type: 'paynetApi' });
			assert.equal(stored.status, 'OK', JSON.stringify(stored));
		});

		it('credential test rejects a wrong secret key', { timeout: TEST_TIMEOUT_MS }, async () => {
			await ensureServer();
			sandbox.reset();
			const result = await inst.testCredential({
				type: 'paynetApi',
				data: { secretKey: WRONG_SECRET_KEY, environment: 'custom', baseUrl: sandbox.url },
			});
			assert.equal(result.status, 'Error', JSON.stringify(result));
			const { PaynetApi } = require(path.join(pkg.dir, 'dist', 'credentials', 'PaynetApi.credentials.js'));
			const rejectedKeyRule = new PaynetApi().test.rules.find(
				(rule) => rule.properties.key === 'result_code' && rule.properties.value === 7,
			);
			assert.equal(result.message, rejectedKeyRule.properties.message);
			assert.ok(!result.message.includes(WRONG_SECRET_KEY), 'the message must not contain the key');
			assert.equal(sandbox.requestsTo('/v1/mailorder/list')[0].headers.authorization, `Basic ${WRONG_SECRET_KEY}`);
		});

		it('credential test rejects a publishable pbk_ key', { timeout: TEST_TIMEOUT_MS }, async () => {
			await ensureServer();
			sandbox.reset();
			const result = await inst.testCredential({
				type: 'paynetApi',
				data: { secretKey: SANDBOX_PUBLISHABLE_KEY, environment: 'custom', baseUrl: sandbox.url },
			});
			assert.equal(result.status, 'Error', JSON.stringify(result));
			assert.match(result.message, /secret key \(sck_/, `the message must point to the secret key: ${result.message}`);
			assert.match(result.message, /not the publishable key \(pbk_/, result.message);
			assert.ok(!result.message.includes(SANDBOX_PUBLISHABLE_KEY), 'the message must not contain the key');
		});

		it('editor shows the Paynet node panel', { timeout: TEST_TIMEOUT_MS }, async () => {
			await ensureServer();
			const outDir = path.join(ARTIFACTS, version);
			fs.mkdirSync(outDir, { recursive: true });
			const panelShot = path.join(outDir, 'paynet-node-panel.png');
			const optionsShot = path.join(outDir, 'paynet-status-options.png');
			const failureShot = path.join(outDir, 'paynet-failure.png');
			for (const file of [panelShot, optionsShot, failureShot]) fs.rmSync(file, { force: true });

			const session = await openEditor(inst.baseUrl);
			try {
				await session.login(inst.owner);
				await session.openWorkflow('e2ePaynetExample1');
				await session.openNode(EXAMPLE.paynetNode);

				const panel = await session.readNodePanel();
				assert.equal(panel.title, EXAMPLE.paynetNode);
				// the credential's label differs: "Credential" in 2.40.7, "Credential to connect with" in 1.123.81
				for (const label of ['Resource', 'Operation', 'Identify By', 'Reference Number', 'Status']) {
					assert.ok(panel.labels.includes(label), `label "${label}" not visible; labels: ${JSON.stringify(panel.labels)}`);
				}
				const identifyBy = await session.parameterInput('identifierType').locator('input').first().inputValue();
				assert.equal(identifyBy, 'Reference Number', 'Identify By must show the chosen option');
				assert.equal(await session.isExpression('identifier'), true, 'the reference number comes from an expression');
				await session.screenshotNodePanel(panelShot);

				// The example sets Status by expression; reset it to see the dropdown and its options.
				assert.equal(await session.isExpression('status'), true);
				await session.resetParameter('status');
				const options = await session.openOptions('status');
				assert.deepEqual(options, ['Awaiting Payment', 'Passive']);
				await session.screenshotNodePanel(optionsShot);

				const iconPath = '/icons/n8n-nodes-paynet/dist/nodes/Paynet/paynet.svg';
				const images = await session.nodeImages(EXAMPLE.paynetNode);
				assert.ok(
					images.canvas.some((image) => image.src === iconPath && image.loaded),
					`canvas node icon: ${JSON.stringify(images.canvas)}`,
				);
				assert.ok(
					images.panel.some((image) => image.src === iconPath && image.loaded),
					`panel icon: ${JSON.stringify(images.panel)}`,
				);
				const served = await session.fetchText(iconPath);
				assert.equal(served.status, 200);
				assert.equal(served.text, fs.readFileSync(path.join(pkg.dir, 'dist', 'nodes', 'Paynet', 'paynet.svg'), 'utf8'));
				assert.deepEqual(session.blockedRequests, [], 'the editor requested a host other than loopback');
			} catch (error) {
				await session.screenshotPage(failureShot).catch(() => {});
				throw error;
			} finally {
				await session.close();
			}
			assert.ok(fs.statSync(panelShot).size > 10000, `${panelShot} is missing or nearly empty`);
			assert.ok(fs.statSync(optionsShot).size > 10000, `${optionsShot} is missing or nearly empty`);
		});

		it('trigger starts the workflow for a verified payment only', { timeout: TEST_TIMEOUT_MS }, async () => {
			await ensureServer();
			sandbox.reset();
			const { webhookPath } = triggerExample();
			const productionUrl = `${inst.baseUrl}/webhook/${webhookPath}`;
			assert.equal(await inst.webhookRegistered(webhookPath), false, 'the trigger must not answer before activation');
			assert.deepEqual(await inst.listExecutions(TRIGGER_WORKFLOW_ID), [], 'the trigger workflow has run already');

			// 1. activate (2.x: publish) the imported example through the REST API
			const activated = await inst.activateWorkflow(TRIGGER_WORKFLOW_ID);
			let active = true;
			try {
				assert.equal(activated.active, true, JSON.stringify(activated).slice(0, 1000));
				assert.equal(activated.activeVersionId, activated.requestedVersionId, 'n8n activated another version');
				await inst.waitForWebhook(webhookPath, { registered: true });

				// 2. create a PayLink whose Confirmation URL is the trigger's production URL, with the
				// Paynet node in `n8n execute`, next to the running server
				const created = await inst.restOk(
					'POST',
					'/rest/workflows',
					createPayLinkWorkflow({
						name: 'e2e: create a PayLink for the trigger',
						credential: goodCredential(),
						...TRIGGER_PAYLINK,
						confirmationUrl: productionUrl,
					}),
				);
				const createRun = await inst.execute(created.data.id);
				assert.ok(createRun.ok, `the Create PayLink workflow failed:\n${describeRun(createRun)}`);
				const [createdItem] = nodeOutput(createRun.run, 'Create PayLink');
				assert.equal(createdItem && createdItem.json.code, 0, JSON.stringify(createdItem));
				const [createRequest] = sandbox.requestsTo('/v1/mailorder/create');
				assert.equal(createRequest.body.confirmation_url, productionUrl, 'the node must send the Confirmation URL');
				const link = sandbox.payLinks.find((candidate) => candidate.reference_no === TRIGGER_PAYLINK.referenceNumber);
				assert.ok(link, `the sandbox has no PayLink ${TRIGGER_PAYLINK.referenceNumber}`);
				assert.equal(link.id, createdItem.json.id);
				assert.equal(link.confirmation_url, productionUrl);

				// 3. pay it: the sandbox posts the confirmation, the trigger checks it with Paynet
				const paid = await sandbox.pay({ reference_no: TRIGGER_PAYLINK.referenceNumber });
				const { confirmation } = paid;
				assert.equal(confirmation.status, 200, `confirmation reply: ${JSON.stringify(confirmation)}`);
				assert.deepEqual(JSON.parse(confirmation.body), { status: 'accepted' });
				const checks = sandbox.requestsTo(TRANSACTION_CHECK);
				assert.equal(checks.length, 1, 'the trigger must check the payment with Paynet once');
				assert.deepEqual(checks[0].body, { reference_no: TRIGGER_PAYLINK.referenceNumber });
				assert.equal(checks[0].headers.authorization, `Basic ${SANDBOX_SECRET_KEY}`, 'the check must use the credential');

				const execution = await waitForNewExecution(inst, TRIGGER_WORKFLOW_ID, [], EXECUTION_TIMEOUT_MS);
				const detail = JSON.stringify(execution.data && execution.data.resultData).slice(0, 2000);
				assert.equal(execution.status, 'success', detail);
				assert.equal(execution.mode, 'webhook');
				assert.equal(execution.data.resultData.error, undefined, detail);
				const triggered = nodeOutput(execution, TRIGGER_EXAMPLE.triggerNode).map((item) => item.json);
				assert.equal(triggered.length, 1, detail);
				assert.equal(triggered[0].verified, true);
				assert.equal(triggered[0].reference_no, TRIGGER_PAYLINK.referenceNumber);
				assert.equal(triggered[0].transaction.xact_id, paid.transaction.xact_id);
				assert.deepEqual(triggered[0].callback, confirmation.payload, 'the callback must reach the workflow as posted');
				const [order] = nodeOutput(execution, TRIGGER_EXAMPLE.outputNode).map((item) => item.json);
				assert.deepEqual(order, {
					order_reference: TRIGGER_PAYLINK.referenceNumber,
					status: 'paid',
					amount: TRIGGER_PAYLINK.amount,
					paid_at: paid.transaction.xact_date,
					paynet_transaction_id: paid.transaction.xact_id,
					card: paid.transaction.card_no,
					verified_with_paynet: true,
				});

				// 4. a forged confirmation for an unpaid fixture PayLink: rejected, and nothing starts
				const unpaid = sandbox.payLinks.find((candidate) => candidate.reference_no === FORGED_REFERENCE);
				assert.ok(unpaid && !unpaid.paid, `${FORGED_REFERENCE} must be an unpaid fixture`);
				const forged = await request(inst.baseUrl, 'POST', `/webhook/${webhookPath}`, {
					body: { ...confirmation.payload, referance_no: FORGED_REFERENCE, amount: unpaid.amount, card_holder: unpaid.name_surname },
				});
				assert.equal(forged.status, 403, `forged confirmation: ${forged.text.slice(0, 500)}`);
				assert.deepEqual(forged.json, { status: 'rejected' });
				assert.deepEqual(
					sandbox.requestsTo(TRANSACTION_CHECK).map((check) => check.body),
					[{ reference_no: TRIGGER_PAYLINK.referenceNumber }, { reference_no: FORGED_REFERENCE }],
					'the trigger must have asked Paynet about the forged reference',
				);
				await sleep(QUIET_PERIOD_MS);
				const executions = await inst.listExecutions(TRIGGER_WORKFLOW_ID);
				assert.deepEqual(
					executions.map((run) => String(run.id)),
					[String(execution.id)],
					`the forged confirmation started the workflow: ${JSON.stringify(executions)}`,
				);

				// 5. deactivate (2.x: unpublish): the production URL stops answering
				const deactivated = await inst.deactivateWorkflow(TRIGGER_WORKFLOW_ID);
				active = false;
				assert.equal(deactivated.active, false);
				await inst.waitForWebhook(webhookPath, { registered: false });
				const late = await request(inst.baseUrl, 'POST', `/webhook/${webhookPath}`, { body: confirmation.payload });
				assert.equal(late.status, 404, `after deactivation: ${late.text.slice(0, 500)}`);
			} finally {
				if (active) await inst.deactivateWorkflow(TRIGGER_WORKFLOW_ID).catch(() => {});
			}
		});

		it('n8n connects to loopback only', { timeout: TEST_TIMEOUT_MS }, () => {
			assert.deepEqual(inst.blockedConnections(), []);
		});
	});
}
