'use strict';
// `npm run dev`: a real n8n editor on 127.0.0.1 with the packed package installed as a community
// node, a "Paynet sandbox" credential and the example workflows ready, and the local Paynet
// sandbox behind them. Runs until Ctrl+C, then stops n8n and the sandbox.
//
// PAYNET_DEV_N8N=1.123 picks n8n 1.x (default 2.40.7). The n8n user folder is kept between runs
// in <cache>/dev-n8n-<version>/, so workflows and executions made by hand stay there.

const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { cacheRoot, ensureN8n } = require('./lib/install');
const { createInstance, setSignalHandler } = require('./lib/instance');
const { buildPackage, packPackage } = require('./lib/package');
const { EXAMPLES_DIR, allExampleWorkflows, paynetCredential } = require('./lib/paynet-fixtures');
const { createSandbox, SANDBOX_SECRET_KEY, SANDBOX_PUBLISHABLE_KEY } = require('../sandbox/server');

const N8N_SPEC = process.env.PAYNET_DEV_N8N || '2.40.7';
const SANDBOX_PORT = 8787;
const N8N_PORT = 5678;
const CREDENTIAL = { id: 'paynetSandboxDev', name: 'Paynet sandbox' };
const IMPORTED_MARKER = 'paynet-dev-imported.json';

function log(line) {
	console.log(`[dev] ${line}`);
}

function isPortFree(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

// The sandbox on 127.0.0.1:8787, or on a free port when 8787 is taken.
async function startSandbox() {
	try {
		return await createSandbox({ port: SANDBOX_PORT }).start();
	} catch (error) {
		if (error.code !== 'EADDRINUSE') throw error;
		log(`port ${SANDBOX_PORT} is taken, so the sandbox gets a free port`);
		return await createSandbox({ port: 0 }).start();
	}
}

// The example workflows, pointed at the dev credential and at the copies of examples/*.csv
// in filesDir (the one folder the file nodes may read).
function devWorkflows(filesDir) {
	return allExampleWorkflows().map(({ file, workflow }) => {
		for (const node of workflow.nodes) {
			if (node.credentials && node.credentials.paynetApi) node.credentials.paynetApi = { ...CREDENTIAL };
			const selector = node.parameters && node.parameters.fileSelector;
			if (node.type === 'n8n-nodes-base.readWriteFile' && typeof selector === 'string') {
				const copy = path.join(filesDir, path.basename(selector));
				if (fs.existsSync(copy)) node.parameters.fileSelector = copy;
			}
		}
		return { file, workflow };
	});
}

async function main() {
	const install = await ensureN8n(N8N_SPEC);
	const devFolder = path.join(cacheRoot(), `dev-n8n-${install.version}`);
	const filesDir = path.join(devFolder, 'files');
	fs.mkdirSync(filesDir, { recursive: true });
	for (const csv of fs.readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith('.csv'))) {
		fs.copyFileSync(path.join(EXAMPLES_DIR, csv), path.join(filesDir, csv));
	}

	log('building and packing the package ...');
	buildPackage({ quiet: true });
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'paynet-dev-pack-'));
	const sandbox = await startSandbox();
	let inst;
	let stopping = false;

	async function shutdown(code) {
		if (stopping) return;
		stopping = true;
		log('stopping n8n and the sandbox ...');
		if (inst) await inst.stop().catch(() => {});
		await sandbox.stop().catch(() => {});
		fs.rmSync(packDir, { recursive: true, force: true });
		log('stopped');
		process.exit(code);
	}
	setSignalHandler(() => shutdown(0));

	try {
		const tgz = packPackage(packDir);
		inst = await createInstance(install, { userFolder: devFolder, env: { N8N_RESTRICT_FILE_ACCESS_TO: filesDir } });
		const pkg = await inst.installPackage(tgz);
		log(`installed ${pkg.name} ${pkg.version} into ${pkg.dir}`);

		// Imported on every start, so the credential follows the sandbox's port.
		await inst.importCredentials(
			paynetCredential({ ...CREDENTIAL, secretKey: SANDBOX_SECRET_KEY, baseUrl: sandbox.url }),
		);
		// Each example is imported once, so changes made to it in the editor are kept. An example
		// added to examples/ later is imported on the next start.
		const markerFile = path.join(devFolder, IMPORTED_MARKER);
		const imported = fs.existsSync(markerFile) ? JSON.parse(fs.readFileSync(markerFile, 'utf8')) : [];
		const fresh = devWorkflows(filesDir).filter(({ file }) => !imported.some((entry) => entry.file === file));
		if (fresh.length) {
			await inst.importWorkflows(fresh.map(({ workflow }) => workflow));
			imported.push(...fresh.map(({ file, workflow }) => ({ file, id: workflow.id })));
			fs.writeFileSync(markerFile, JSON.stringify(imported, null, 2));
			log(`imported ${fresh.length} example workflow(s): ${fresh.map(({ file }) => file).join(', ')}`);
		}

		const port = (await isPortFree(N8N_PORT)) ? N8N_PORT : undefined;
		if (!port) log(`port ${N8N_PORT} is taken, so n8n gets a free port`);
		log(`starting n8n ${install.version} ...`);
		await inst.start({ port, timeoutMs: 180000 });

		const settings = await inst.restOk('GET', '/rest/settings');
		const needsOwner = Boolean(settings.data.userManagement && settings.data.userManagement.showSetupOnFirstLoad);
		if (needsOwner) await inst.setupOwner();
		await inst.login();

		inst.server.once('exit', (code, signal) => {
			if (stopping) return;
			log(`n8n exited on its own (${signal || `code ${code}`}); its log: ${inst.serverLog}`);
			shutdown(1);
		});

		console.log('');
		console.log(`  n8n ${install.version} editor:  ${inst.baseUrl}/`);
		console.log(`  owner e-mail:        ${inst.owner.email}`);
		console.log(`  owner password:      ${inst.owner.password}`);
		for (const { file, id } of imported) console.log(`  example workflow:    ${inst.baseUrl}/workflow/${id}   (${file})`);
		console.log(`  credential:          "${CREDENTIAL.name}" (Custom URL ${sandbox.url})`);
		console.log(`  Paynet sandbox:      ${sandbox.url}   secret key ${SANDBOX_SECRET_KEY}   publishable key ${SANDBOX_PUBLISHABLE_KEY}`);
		console.log(`  sandbox requests:    ${sandbox.url}/_sandbox/requests   (reset: POST ${sandbox.url}/_sandbox/reset)`);
		console.log(`  n8n folder and log:  ${devFolder}   ${inst.serverLog}`);
		console.log('');
		console.log('Press Ctrl+C to stop n8n and the sandbox.');
	} catch (error) {
		console.error(`[dev] failed: ${error.message}`);
		await shutdown(1);
	}
}

main();
