'use strict';
// Smoke check of the e2e instance layer against real n8n, with built-in nodes plus a tiny
// generated community package (no Paynet code involved).
//
//   node e2e/smoke.js                 # both versions: 2.40.7 (Node 24) and 1.123 (Node 20)
//   node e2e/smoke.js 2.40.7          # one version
//
// Screenshots go to e2e/artifacts/<version>/. Ends with an "N passed, N failed" line.

const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const { execFileSync } = require('child_process');
const { ensureN8n } = require('./lib/install');
const { createInstance } = require('./lib/instance');
const { screenshotNode } = require('./lib/browser');

const ARTIFACTS = path.join(__dirname, 'artifacts');
const versions = process.argv.slice(2).length ? process.argv.slice(2) : ['2.40.7', '1.123'];

let passed = 0;
let failed = 0;
const timings = [];

function check(label, condition, detail) {
	if (condition) {
		passed++;
		console.log(`  ok   ${label}`);
	} else {
		failed++;
		console.log(`  FAIL ${label}${detail ? `: ${detail}` : ''}`);
	}
}

async function timed(version, step, fn) {
	const start = Date.now();
	try {
		return await fn();
	} finally {
		const s = (Date.now() - start) / 1000;
		timings.push({ version, step, seconds: s });
		console.log(`  [${version}] ${step}: ${s.toFixed(1)}s`);
	}
}

// A minimal community package built on the fly, to prove installPackage() and the loading of
// packages from .n8n/nodes. Its node copies each item and adds the field `probe`.
function buildProbePackage(workDir) {
	const dir = path.join(workDir, 'n8n-nodes-e2e-probe');
	fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
	fs.writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify(
			{
				name: 'n8n-nodes-e2e-probe',
				version: '0.0.1',
				keywords: ['n8n-community-node-package'],
				main: 'index.js',
				files: ['dist'],
				n8n: { n8nNodesApiVersion: 1, nodes: ['dist/E2eProbe.node.js'], credentials: [] },
				peerDependencies: { 'n8n-workflow': '*' },
			},
			null,
			2,
		),
	);
	fs.writeFileSync(
		path.join(dir, 'dist', 'E2eProbe.node.js'),
		`'use strict';
class E2eProbe {
	constructor() {
		this.description = {
			displayName: 'E2E Probe',
			name: 'e2eProbe',
			group: ['transform'],
			version: 1,
			description: 'Adds a probe field to each item',
			defaults: { name: 'E2E Probe' },
			inputs: ['main'],
			outputs: ['main'],
			properties: [
				{ displayName: 'Probe Message', name: 'message', type: 'string', default: 'hello' },
				{ displayName: 'Probe Count', name: 'count', type: 'number', default: 1 },
			],
		};
	}
	async execute() {
		const items = this.getInputData();
		return [items.map((item, i) => ({
			json: { ...item.json, probe: this.getNodeParameter('message', i), count: this.getNodeParameter('count', i) },
			pairedItem: { item: i },
		}))];
	}
}
module.exports = { E2eProbe };
`,
	);
	const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', workDir], { cwd: dir, encoding: 'utf8' })
		.trim()
		.split('\n')
		.pop();
	return path.join(workDir, name);
}

const manual = { id: 'n1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };

const builtInWorkflow = {
	id: 'e2eSmokeBuiltIn1',
	name: 'e2e smoke: built-in nodes',
	nodes: [
		manual,
		{
			id: 'n2',
			name: 'Edit Fields',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [220, 0],
			parameters: {
				assignments: {
					assignments: [
						{ id: 'a1', name: 'links', value: '={{ [{"amount": 100}, {"amount": 250}, {"amount": 75}] }}', type: 'array' },
						{ id: 'a2', name: 'currency', value: 'TRY', type: 'string' },
					],
				},
				options: {},
			},
		},
		{
			id: 'n3',
			name: 'Split Out',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [440, 0],
			parameters: { fieldToSplitOut: 'links', include: 'selectedOtherFields', fieldsToInclude: 'currency', options: {} },
		},
	],
	connections: {
		Start: { main: [[{ node: 'Edit Fields', type: 'main', index: 0 }]] },
		'Edit Fields': { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
	},
};

const probeWorkflow = {
	id: 'e2eSmokeProbe001',
	name: 'e2e smoke: community package',
	nodes: [
		manual,
		{
			id: 'n2',
			name: 'E2E Probe',
			type: 'n8n-nodes-e2e-probe.e2eProbe',
			typeVersion: 1,
			position: [220, 0],
			parameters: { message: 'merhaba', count: 3 },
		},
	],
	connections: { Start: { main: [[{ node: 'E2E Probe', type: 'main', index: 0 }]] } },
};

// A loopback stand-in for the n8n public API, so the built-in n8nApi credential test has a
// server to call: it accepts the key "good-key" only.
function startFakeApi() {
	return new Promise((resolve) => {
		const hits = [];
		const server = http.createServer((req, res) => {
			hits.push(`${req.method} ${req.url}`);
			const ok = req.headers['x-n8n-api-key'] === 'good-key';
			res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
			res.end(JSON.stringify(ok ? { ok: true } : { message: 'unauthorized' }));
		});
		server.listen(0, '127.0.0.1', () => resolve({ server, hits, url: `http://127.0.0.1:${server.address().port}/api/v1` }));
	});
}

async function smoke(spec, workDir, tgz) {
	console.log(`\n== n8n ${spec}`);
	const install = await timed(spec, 'install (cached after the first run)', () => ensureN8n(spec));
	const v = install.version;
	const outDir = path.join(ARTIFACTS, v);
	fs.mkdirSync(outDir, { recursive: true });
	const inst = await createInstance(install);
	const api = await startFakeApi();
	try {
		const pkg = await timed(v, 'install probe package', () => inst.installPackage(tgz));
		check(`${v} package unpacked to .n8n/nodes`, fs.existsSync(path.join(pkg.dir, 'dist', 'E2eProbe.node.js')));
		check(`${v} peer dependency not installed`, !fs.existsSync(path.join(pkg.dir, 'node_modules', 'n8n-workflow')));

		await timed(v, 'import workflows', () => inst.importWorkflows([builtInWorkflow, probeWorkflow]));
		await timed(v, 'import credential', () =>
			inst.importCredentials({ id: 'e2eCredN8nApi001', name: 'fake api', type: 'n8nApi', data: { apiKey: 'good-key', baseUrl: api.url } }),
		);

		const r1 = await timed(v, 'execute built-in workflow', () => inst.execute(builtInWorkflow.id));
		check(`${v} execute built-in ok`, r1.ok, r1.ok ? '' : `${r1.code} ${JSON.stringify(r1.error)}\n${r1.stdout.slice(-1500)}\n${r1.stderr.slice(-1500)}`);
		const out = r1.items['Split Out'] || [];
		check(
			`${v} Split Out gave 3 items with currency`,
			out.length === 3 && out.map((i) => i.links && i.links.amount).join(',') === '100,250,75' && out.every((i) => i.currency === 'TRY'),
			JSON.stringify(out),
		);

		const r2 = await timed(v, 'execute community-package workflow', () => inst.execute(probeWorkflow.id));
		const probe = (r2.items['E2E Probe'] || [])[0] || {};
		check(`${v} community node ran`, r2.ok && probe.probe === 'merhaba' && probe.count === 3, JSON.stringify(r2.items) + r2.stderr.slice(-1500));

		await timed(v, 'start server', () => inst.start());
		await timed(v, 'owner setup + login', async () => {
			await inst.setupOwner();
			await inst.login();
		});
		const good = await timed(v, 'credential test (good key)', () =>
			inst.testCredential({ type: 'n8nApi', data: { apiKey: 'good-key', baseUrl: api.url } }),
		);
		check(`${v} credential test OK`, good.status === 'OK', JSON.stringify(good));
		const bad = await timed(v, 'credential test (bad key)', () =>
			inst.testCredential({ type: 'n8nApi', data: { apiKey: 'wrong', baseUrl: api.url } }),
		);
		check(`${v} credential test Error`, bad.status === 'Error' && !!bad.message, JSON.stringify(bad));
		const stored = await inst.testCredential({ id: 'e2eCredN8nApi001', type: 'n8nApi', name: 'fake api' });
		check(`${v} imported credential tests OK`, stored.status === 'OK', JSON.stringify(stored));
		check(`${v} fake API was called`, api.hits.length >= 3, JSON.stringify(api.hits));

		const shot1 = await timed(v, 'screenshot Edit Fields panel', () =>
			screenshotNode(inst, { workflowId: builtInWorkflow.id, nodeName: 'Edit Fields', file: path.join(outDir, 'edit-fields.png') }),
		);
		check(`${v} Edit Fields panel shows "Fields to Set"`, shot1.labels.includes('Fields to Set'), JSON.stringify(shot1.labels));
		const shot2 = await timed(v, 'screenshot E2E Probe panel', () =>
			screenshotNode(inst, { workflowId: probeWorkflow.id, nodeName: 'E2E Probe', file: path.join(outDir, 'e2e-probe.png') }),
		);
		check(
			`${v} community node panel shows its parameters`,
			shot2.labels.includes('Probe Message') && shot2.labels.includes('Probe Count'),
			JSON.stringify(shot2.labels),
		);
		console.log(`  [${v}] labels: Edit Fields ${JSON.stringify(shot1.labels)}; E2E Probe ${JSON.stringify(shot2.labels)}`);
		const browserBlocked = [...shot1.blockedRequests, ...shot2.blockedRequests];
		if (browserBlocked.length) console.log(`  [${v}] browser requests blocked: ${[...new Set(browserBlocked)].join(' ')}`);
		const blocked = inst.blockedConnections();
		check(`${v} n8n tried no host other than loopback`, blocked.length === 0, blocked.join('; '));
	} finally {
		api.server.close();
		await inst.dispose();
	}
}

(async () => {
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'paynet-e2e-smoke-'));
	const started = Date.now();
	try {
		const tgz = buildProbePackage(workDir);
		for (const spec of versions) {
			try {
				await smoke(spec, workDir, tgz);
			} catch (err) {
				failed++;
				console.log(`  FAIL ${spec}: ${err.stack || err}`);
			}
		}
	} finally {
		fs.rmSync(workDir, { recursive: true, force: true });
	}
	console.log(`\ntotal ${((Date.now() - started) / 1000).toFixed(1)}s`);
	console.log(`${passed} passed, ${failed} failed`);
	process.exitCode = failed ? 1 : 0;
})();
