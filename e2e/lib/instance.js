'use strict';
// A disposable n8n instance: its own temp user folder and env, CLI commands (import, execute),
// community package install from a .tgz, and the server with REST helpers.
// Works with n8n 1.x (system Node 20) and 2.x (Node 24 from the cache); see install.js.

const fs = require('fs');
const os = require('os');
const net = require('net');
const path = require('path');
const http = require('http');
const { spawn, execFile, execFileSync } = require('child_process');
const { ensureN8n, runtimeEnv } = require('./install');

const GUARD = path.join(__dirname, 'loopback-guard.js');
const ENCRYPTION_KEY = 'paynet-e2e-fixed-encryption-key-0001';
const OWNER = {
	email: 'owner@paynet-e2e.test',
	password: 'E2eOwner-Passw0rd',
	firstName: 'E2E',
	lastName: 'Owner',
};

// Every child process we start, so that none outlives this process.
const children = new Set();
function killTree(child, signal = 'SIGTERM') {
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	try {
		process.kill(-child.pid, signal); // the child leads its own process group
	} catch {
		try {
			child.kill(signal);
		} catch {
			// already gone
		}
	}
}
function killAll() {
	for (const child of children) killTree(child, 'SIGKILL');
}
process.on('exit', killAll);
const exitOnSignal = (sig) => {
	killAll();
	process.exit(128 + (os.constants.signals[sig] || 1));
};
let signalHandler = exitOnSignal;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.once(sig, () => signalHandler(sig));
}

// Replace what SIGINT, SIGTERM and SIGHUP do, for a caller that stops its server gracefully
// first. By default every child is killed and the process exits. The handler gets the signal
// name, and killAll() still runs on exit.
function setSignalHandler(handler) {
	signalHandler = handler || exitOnSignal;
}

function track(child) {
	children.add(child);
	child.once('exit', () => children.delete(child));
	return child;
}

function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Balanced-brace scan from `start` (which must be "{" or "["), aware of JSON strings.
function scanJson(text, start) {
	const open = text[start];
	const close = open === '{' ? '}' : ']';
	let depth = 0;
	let inString = false;
	for (let i = start; i < text.length; i++) {
		const c = text[i];
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
			continue;
		}
		if (c === '"') inString = true;
		else if (c === '{' || c === '[') depth++;
		else if (c === '}' || c === ']') {
			depth--;
			if (depth === 0) {
				if (c !== close) return null;
				try {
					return { value: JSON.parse(text.slice(start, i + 1)), end: i + 1 };
				} catch {
					return null;
				}
			}
		}
	}
	return null;
}

// Every top-level JSON object in a mixed log/JSON text, in order. A candidate starts at a "{"
// that is the first non-blank character of a line, or follows a log prefix that ends in
// ": " or "] " (some log formats put the message after a prefix on the same line).
function extractJsonObjects(text) {
	const clean = String(text).replace(/\u001b\[[0-9;]*[A-Za-z]/g, ''); // drop ANSI colours
	const found = [];
	let i = 0;
	while (i < clean.length) {
		const at = clean.indexOf('{', i);
		if (at < 0) break;
		const lineStart = clean.lastIndexOf('\n', at - 1) + 1;
		const before = clean.slice(lineStart, at);
		if (/^\s*$/.test(before) || /[:\]]\s$/.test(before)) {
			const hit = scanJson(clean, at);
			if (hit) {
				found.push(hit.value);
				i = hit.end;
				continue;
			}
		}
		i = at + 1;
	}
	return found;
}

// Parse what `n8n execute --rawOutput` printed (1.x: plain JSON on stdout; 2.x: the same JSON
// through the logger, after other log lines). Returns the run object
// ({ data: { resultData: { runData, lastNodeExecuted, error? } }, status, finished, ... }).
function parseExecuteOutput(text) {
	const objects = extractJsonObjects(text).filter(
		(o) => o && typeof o === 'object' && o.data && o.data.resultData && typeof o.data.resultData === 'object',
	);
	if (!objects.length) return null;
	return objects[objects.length - 1];
}

// The items (json only) that each node produced, from a run object: { nodeName: [json, ...] }.
function itemsByNode(run) {
	const out = {};
	const runData = (run && run.data && run.data.resultData && run.data.resultData.runData) || {};
	for (const [name, runs] of Object.entries(runData)) {
		const last = runs[runs.length - 1] || {};
		const main = (last.data && last.data.main) || [];
		out[name] = main.flatMap((branch) => (branch || []).map((item) => item.json));
	}
	return out;
}

// The whole items ({ json, pairedItem, ... }) of one node's last run, from a run object, or []
// when the node did not run. Unlike itemsByNode, this keeps the pairing with the input items.
function nodeOutput(run, nodeName) {
	const runs = (run && run.data && run.data.resultData && run.data.resultData.runData[nodeName]) || [];
	const last = runs[runs.length - 1];
	const main = (last && last.data && last.data.main) || [];
	return main.flatMap((branch) => branch || []);
}

// The error that one node's last run ended with (as n8n serialized it), or null.
function nodeRunError(run, nodeName) {
	const runs = (run && run.data && run.data.resultData && run.data.resultData.runData[nodeName]) || [];
	const last = runs[runs.length - 1];
	return (last && last.error) || null;
}

function request(baseUrl, method, urlPath, { body, headers = {}, timeoutMs = 30000 } = {}) {
	return new Promise((resolve, reject) => {
		const url = new URL(urlPath, baseUrl);
		if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
			reject(new Error(`request to ${url.hostname} rejected: only 127.0.0.1 and localhost are allowed`));
			return;
		}
		const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
		const req = http.request(
			url,
			{
				method,
				headers: {
					accept: 'application/json',
					...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
					...headers,
				},
				timeout: timeoutMs,
			},
			(res) => {
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					let json;
					try {
						json = JSON.parse(text);
					} catch {
						json = undefined;
					}
					resolve({ status: res.statusCode, headers: res.headers, text, json });
				});
			},
		);
		req.on('timeout', () => req.destroy(new Error(`${method} ${url} timed out`)));
		req.on('error', reject);
		if (payload) req.write(payload);
		req.end();
	});
}

class N8nInstance {
	// userFolder is a folder to keep between runs, for example for `npm run dev`. It is created
	// if missing, and dispose() keeps it. Without it, a new temp folder is made.
	constructor(install, { env = {}, keepFolder = false, userFolder } = {}) {
		this.install = install;
		this.version = install.version;
		this.major = install.major;
		if (userFolder) fs.mkdirSync(userFolder, { recursive: true });
		this.userFolder = userFolder || fs.mkdtempSync(path.join(os.tmpdir(), `paynet-e2e-n8n-${install.version}-`));
		this.n8nFolder = path.join(this.userFolder, '.n8n');
		this.nodesFolder = path.join(this.n8nFolder, 'nodes');
		fs.mkdirSync(this.n8nFolder, { recursive: true });
		this.extraEnv = env;
		this.keepFolder = keepFolder || Boolean(userFolder);
		this.server = null;
		this.baseUrl = null;
		this.port = null;
		this.cookie = null;
		this.browserId = `paynet-e2e-${process.pid}-${Date.now()}`;
		this.owner = { ...OWNER };
		this.serverLog = path.join(this.userFolder, 'server.log');
		this.guardLog = path.join(this.userFolder, 'blocked-connections.log');
		this.nodeVersion = execFileSync(install.nodeBin, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();
		this.nodeMajor = Number(this.nodeVersion.split('.')[0]);
	}

	// The environment for any n8n process of this instance. `extra` wins over everything.
	env(extra = {}) {
		const base = {};
		for (const [k, v] of Object.entries(process.env)) {
			// n8n reads many N8N_*, DB_*, EXECUTIONS_* ... names: start from none of the caller's.
			if (/^(N8N_|DB_|EXECUTIONS_|QUEUE_|NODES_|WEBHOOK_URL$|GENERIC_TIMEZONE$|NODE_FUNCTION_)/.test(k)) continue;
			base[k] = v;
		}
		const env = runtimeEnv(this.install, base);
		Object.assign(env, {
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			N8N_LOG_LEVEL: 'warn',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
			N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
			N8N_AI_ENABLED: 'false',
			N8N_VERIFIED_PACKAGES_ENABLED: 'false', // no look-up of the vetted-package list
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_REINSTALL_MISSING_PACKAGES: 'false',
			EXTERNAL_FRONTEND_HOOKS_URLS: '',
			N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
			N8N_SSRF_PROTECTION_ENABLED: 'false', // nodes and credential tests must reach 127.0.0.1
			N8N_SECURE_COOKIE: 'false', // login over plain http
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			GENERIC_TIMEZONE: 'UTC',
			TZ: 'UTC',
			NO_COLOR: '1',
			// reject and record every connection or DNS look-up for a host other than loopback
			NODE_OPTIONS: `${base.NODE_OPTIONS ? `${base.NODE_OPTIONS} ` : ''}--require ${GUARD}`,
			PAYNET_E2E_GUARD_LOG: this.guardLog,
		});
		if (this.major >= 2) {
			// the MCP server registry refreshes from n8n's web API at start-up; the AI module is unused
			env.N8N_DISABLED_MODULES = 'mcp-registry,instance-ai';
		} else {
			Object.assign(env, {
				N8N_RUNNERS_ENABLED: 'true', // 2.x always has task runners; 1.x needs this
				N8N_RUNNERS_MODE: 'internal',
				// settings that only silence 1.x start-up deprecation notes
				DB_SQLITE_POOL_SIZE: '2',
				N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
				N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
				N8N_GIT_NODE_DISABLE_BARE_REPOS: 'true',
			});
			if (this.nodeMajor < 22) {
				// 1.123.81 defaults to the "vm" expression engine. It needs isolated-vm 6, which
				// loads or builds only on Node >= 22, so on Node 20 every command fails with
				// "IsolatePool failed to create any bridges". The legacy engine works there.
				env.N8N_EXPRESSION_ENGINE = 'legacy';
			}
		}
		Object.assign(env, this.extraEnv, extra);
		return env;
	}

	// Run `n8n <args>`; resolves { code, signal, stdout, stderr } (never rejects on exit code).
	async cli(args, { env = {}, timeoutMs = 180000 } = {}) {
		const runnerPort = await freePort();
		return new Promise((resolve, reject) => {
			const child = track(
				spawn(this.install.nodeBin, [this.install.n8nBin, ...args], {
					cwd: this.userFolder,
					env: this.env({ N8N_RUNNERS_BROKER_PORT: String(runnerPort), ...env }),
					stdio: ['ignore', 'pipe', 'pipe'],
					detached: true,
				}),
			);
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (d) => (stdout += d));
			child.stderr.on('data', (d) => (stderr += d));
			const timer = setTimeout(() => {
				killTree(child, 'SIGKILL');
				reject(new Error(`n8n ${args.join(' ')} timed out after ${timeoutMs} ms\n${stdout}\n${stderr}`));
			}, timeoutMs);
			child.on('error', (err) => {
				clearTimeout(timer);
				reject(err);
			});
			child.on('close', (code, signal) => {
				clearTimeout(timer);
				killTree(child, 'SIGKILL'); // a task runner left in the group
				resolve({ code, signal, stdout, stderr });
			});
		});
	}

	async cliOk(args, opts) {
		const res = await this.cli(args, opts);
		if (res.code !== 0) {
			throw new Error(`n8n ${args.join(' ')} exited ${res.code}\n--- stdout\n${res.stdout}\n--- stderr\n${res.stderr}`);
		}
		return res;
	}

	writeJson(name, value) {
		const file = path.join(this.userFolder, `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}.json`);
		fs.writeFileSync(file, JSON.stringify(value, null, 2));
		return file;
	}

	// credentials: one object or an array of { id, name, type, data } with data a plain object
	// (n8n encrypts it on import).
	async importCredentials(credentials) {
		const list = Array.isArray(credentials) ? credentials : [credentials];
		const now = new Date().toISOString();
		const file = this.writeJson(
			'credentials',
			list.map((c) => ({ createdAt: now, updatedAt: now, isManaged: false, ...c })),
		);
		await this.cliOk(['import:credentials', `--input=${file}`]);
	}

	// workflows: one object or an array; each needs an id (string) so execute() can find it.
	async importWorkflows(workflows) {
		const list = Array.isArray(workflows) ? workflows : [workflows];
		const now = new Date().toISOString();
		const file = this.writeJson(
			'workflows',
			list.map((w) => ({
				active: false,
				settings: {},
				connections: {},
				createdAt: now,
				updatedAt: now,
				...w,
			})),
		);
		await this.cliOk(['import:workflow', `--input=${file}`]);
	}

	// Run an imported workflow headlessly (its start node must be a Manual Trigger).
	// Returns { ok, code, run, items, error, stdout, stderr }.
	async execute(workflowId, { timeoutMs = 180000, env = {} } = {}) {
		const res = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], {
			timeoutMs,
			env: { N8N_LOG_LEVEL: 'info', ...env },
		});
		const run = parseExecuteOutput(`${res.stdout}\n${res.stderr}`);
		const error = run && run.data.resultData.error ? run.data.resultData.error : null;
		return {
			ok: res.code === 0 && !!run && !error,
			code: res.code,
			run,
			items: itemsByNode(run),
			error,
			stdout: res.stdout,
			stderr: res.stderr,
		};
	}

	// Install a package tarball the way the Community Nodes screen does: unpack it into
	// .n8n/nodes/node_modules/<name>, drop its dev/peer/optional dependency lists, run
	// `npm install` there with scripts off, and record it in .n8n/nodes/package.json.
	// Must be called while the server is stopped; n8n loads it at its next start (and every
	// CLI command loads it too). Returns { name, version, dir }.
	async installPackage(tgzPath) {
		const tgz = path.resolve(tgzPath);
		if (!fs.existsSync(tgz)) throw new Error(`no such tarball: ${tgz}`);
		const listing = await execFileP('tar', ['-xzOf', tgz, 'package/package.json']);
		const pkg = JSON.parse(listing);
		if (!pkg.name || !/^(@[^/]+\/)?n8n-nodes-/.test(pkg.name)) {
			throw new Error(`package name ${pkg.name} does not start with n8n-nodes- (n8n would refuse it)`);
		}
		const dir = path.join(this.nodesFolder, 'node_modules', pkg.name);
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
		await execFileP('tar', ['-xzf', tgz, '-C', dir, '--strip-components=1']);
		const pkgFile = path.join(dir, 'package.json');
		const cleaned = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
		delete cleaned.devDependencies;
		delete cleaned.peerDependencies;
		delete cleaned.optionalDependencies;
		fs.writeFileSync(pkgFile, JSON.stringify(cleaned, null, 2));
		if (cleaned.dependencies && Object.keys(cleaned.dependencies).length) {
			await execFileP(
				'npm',
				[
					'install',
					'--audit=false',
					'--fund=false',
					'--bin-links=false',
					'--install-strategy=shallow',
					'--ignore-scripts=true',
					'--package-lock=false',
					'--loglevel=error',
				],
				{ cwd: dir, env: runtimeEnv(this.install) },
			);
		}
		const rootPkgFile = path.join(this.nodesFolder, 'package.json');
		let rootPkg = { name: 'installed-nodes', private: true, dependencies: {} };
		try {
			rootPkg = JSON.parse(fs.readFileSync(rootPkgFile, 'utf8'));
		} catch {
			// first package
		}
		rootPkg.dependencies = { ...(rootPkg.dependencies || {}), [pkg.name]: cleaned.version };
		fs.writeFileSync(rootPkgFile, JSON.stringify(rootPkg, null, 2));
		return { name: pkg.name, version: cleaned.version, dir };
	}

	// Start `n8n start` on a free loopback port; resolves with the base URL once
	// /healthz/readiness and /rest/settings both answer 200.
	async start({ port, timeoutMs = 120000, env = {} } = {}) {
		if (this.server) throw new Error('server already started');
		this.port = port || (await freePort());
		this.baseUrl = `http://127.0.0.1:${this.port}`;
		const runnerPort = await freePort();
		const out = fs.openSync(this.serverLog, 'a');
		const child = track(
			spawn(this.install.nodeBin, [this.install.n8nBin, 'start'], {
				cwd: this.userFolder,
				env: this.env({
					N8N_PORT: String(this.port),
					N8N_RUNNERS_BROKER_PORT: String(runnerPort),
					N8N_EDITOR_BASE_URL: `${this.baseUrl}/`,
					[this.major >= 2 ? 'N8N_WEBHOOK_URL' : 'WEBHOOK_URL']: `${this.baseUrl}/`,
					...env,
				}),
				stdio: ['ignore', out, out],
				detached: true,
			}),
		);
		fs.closeSync(out);
		this.server = child;
		let exited = null;
		child.once('exit', (code, signal) => (exited = { code, signal }));
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			if (exited) {
				this.server = null;
				throw new Error(`n8n start exited early (${JSON.stringify(exited)}):\n${this.readServerLog().slice(-3000)}`);
			}
			try {
				// 1.x answers /healthz/readiness before its REST routes exist: wait for both
				const res = await request(this.baseUrl, 'GET', '/healthz/readiness', { timeoutMs: 2000 });
				if (res.status === 200) {
					const settings = await request(this.baseUrl, 'GET', '/rest/settings', { timeoutMs: 2000 });
					if (settings.status === 200) break;
				}
			} catch {
				// not listening yet
			}
			if (Date.now() > deadline) {
				await this.stop();
				throw new Error(`n8n did not become ready in ${timeoutMs} ms:\n${this.readServerLog().slice(-3000)}`);
			}
			await sleep(500);
		}
		return this.baseUrl;
	}

	// Lines recorded by loopback-guard.js: each a connection or DNS look-up that n8n tried
	// towards a host other than loopback, and that was refused.
	blockedConnections() {
		try {
			return fs.readFileSync(this.guardLog, 'utf8').split('\n').filter(Boolean);
		} catch {
			return [];
		}
	}

	readServerLog() {
		try {
			return fs.readFileSync(this.serverLog, 'utf8');
		} catch {
			return '';
		}
	}

	async stop({ timeoutMs = 15000 } = {}) {
		const child = this.server;
		this.server = null;
		this.cookie = null;
		if (!child || child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise((r) => child.once('exit', r));
		killTree(child, 'SIGTERM');
		const t = setTimeout(() => killTree(child, 'SIGKILL'), timeoutMs);
		await exited;
		clearTimeout(t);
		killTree(child, 'SIGKILL'); // anything left in its process group
	}

	// Stop the server and remove the user folder (unless keepFolder).
	async dispose() {
		await this.stop();
		if (!this.keepFolder) fs.rmSync(this.userFolder, { recursive: true, force: true });
	}

	// REST call against the running server: rest('POST', '/rest/login', body).
	// Sends the session cookie and browser id; resolves { status, json, text, headers, data }
	// where data is json.data when n8n wrapped the answer in { data }.
	async rest(method, urlPath, body, { headers = {} } = {}) {
		if (!this.baseUrl) throw new Error('server not started');
		const res = await request(this.baseUrl, method, urlPath, {
			body,
			headers: {
				'browser-id': this.browserId,
				...(this.cookie ? { cookie: this.cookie } : {}),
				...headers,
			},
		});
		const setCookie = res.headers['set-cookie'] || [];
		const auth = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
		if (auth) this.cookie = auth;
		res.data = res.json && typeof res.json === 'object' && 'data' in res.json ? res.json.data : res.json;
		return res;
	}

	async restOk(method, urlPath, body, opts) {
		const res = await this.rest(method, urlPath, body, opts);
		if (res.status < 200 || res.status >= 300) {
			throw new Error(`${method} ${urlPath} answered ${res.status}: ${res.text.slice(0, 1000)}`);
		}
		return res;
	}

	// Create the owner account of a fresh instance (POST /rest/owner/setup, same body in 1.x
	// and 2.x); leaves the session cookie set. Returns the user.
	async setupOwner(owner = {}) {
		Object.assign(this.owner, owner);
		const { email, password, firstName, lastName } = this.owner;
		const res = await this.restOk('POST', '/rest/owner/setup', { email, password, firstName, lastName });
		return res.data;
	}

	// POST /rest/login. 1.123 and 2.40 read { emailOrLdapLoginId, password }; `email` is sent
	// as well for releases that used that name (n8n ignores fields it does not know).
	async login({ email = this.owner.email, password = this.owner.password } = {}) {
		this.cookie = null;
		const res = await this.restOk('POST', '/rest/login', { email, emailOrLdapLoginId: email, password });
		if (!this.cookie) throw new Error('login answered without an n8n-auth cookie');
		return res.data;
	}

	// Activates (2.x: publishes) a stored workflow with POST /rest/workflows/:id/activate and its
	// current versionId, in 1.123.81 and 2.40.7 alike. Returns the workflow as n8n sends it back.
	// In 2.40.7 the webhooks become reachable a little later, so callers use waitForWebhook().
	async activateWorkflow(workflowId) {
		const current = await this.restOk('GET', `/rest/workflows/${workflowId}`);
		const res = await this.restOk('POST', `/rest/workflows/${workflowId}/activate`, { versionId: current.data.versionId });
		return { ...res.data, requestedVersionId: current.data.versionId };
	}

	// Deactivates (2.x: unpublishes) a workflow with POST /rest/workflows/:id/deactivate.
	async deactivateWorkflow(workflowId) {
		const res = await this.restOk('POST', `/rest/workflows/${workflowId}/deactivate`, {});
		return res.data;
	}

	// Returns whether a production webhook takes `method` at /webhook/<webhookPath>, without running
	// it. A CORS preflight (OPTIONS with an Origin header) gets 204 and lists the registered methods
	// in Access-Control-Allow-Methods. Without a registration the header lists only OPTIONS.
	async webhookRegistered(webhookPath, method = 'POST') {
		const res = await request(this.baseUrl, 'OPTIONS', `/webhook/${webhookPath}`, {
			headers: { origin: this.baseUrl, 'access-control-request-method': method },
			timeoutMs: 5000,
		});
		const allowed = String(res.headers['access-control-allow-methods'] || '')
			.split(',')
			.map((m) => m.trim().toUpperCase());
		return res.status === 204 && allowed.includes(method.toUpperCase());
	}

	// Polls webhookRegistered() until it returns `registered`. Resolves with the time waited in ms,
	// or throws after timeoutMs. 2.40.7 registers and removes webhooks about 0.1 s after the
	// activate or deactivate call returns, and 1.123.81 before it returns.
	async waitForWebhook(webhookPath, { method = 'POST', registered = true, timeoutMs = 15000 } = {}) {
		const started = Date.now();
		for (;;) {
			if ((await this.webhookRegistered(webhookPath, method)) === registered) return Date.now() - started;
			if (Date.now() - started > timeoutMs) {
				const state = registered ? 'still not registered' : 'still registered';
				throw new Error(`timed out: ${method} /webhook/${webhookPath} is ${state} after ${timeoutMs} ms; see server.log`);
			}
			await sleep(100);
		}
	}

	// Lists the executions of one workflow, newest first, with GET /rest/executions and a
	// workflowId filter. Each is { id, workflowId, mode, status, startedAt, stoppedAt, ... }.
	async listExecutions(workflowId) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const res = await this.restOk('GET', `/rest/executions?filter=${filter}`);
		return res.data.results;
	}

	// Fetches one execution with GET /rest/executions/:id and decodes its `data`, which n8n sends
	// as a `flatted` string, with n8n's own copy of flatted into { resultData: { runData, ... } }.
	async getExecution(executionId) {
		const res = await this.restOk('GET', `/rest/executions/${executionId}`);
		const execution = res.data;
		if (typeof execution.data === 'string') execution.data = this.flatted().parse(execution.data);
		return execution;
	}

	// Loads the flatted module that the installed n8n uses.
	flatted() {
		const from = path.join(this.install.dir, 'node_modules', 'n8n');
		return require(require.resolve('flatted', { paths: [from] }));
	}

	// Test a credential the way the editor's Save button does: the credential is stored
	// (POST /rest/credentials) unless an id is given, then POST /rest/credentials/test with
	// { credentials: { id, name, type, data } }. Returns n8n's answer { status, message }
	// (status "OK" or "Error"); with keep=false the stored credential is deleted again.
	// With an id and no data, the stored credential is tested as it is.
	async testCredential({ type, data, name, id }, { keep = false } = {}) {
		if (!this.cookie) await this.login();
		const credName = name || `e2e ${type} ${Date.now()}`;
		let credId = id;
		if (credId && data === undefined) {
			// like the editor: send the stored data as n8n shows it (secrets redacted; n8n
			// puts the stored values back before it runs the test)
			const stored = await this.restOk('GET', `/rest/credentials/${credId}?includeData=true`);
			data = stored.data.data;
		}
		if (!credId) {
			const created = await this.restOk('POST', '/rest/credentials', { name: credName, type, data });
			credId = created.data.id;
		}
		try {
			const res = await this.restOk('POST', '/rest/credentials/test', {
				credentials: { id: credId, name: credName, type, data },
			});
			const { status, message } = res.data || {};
			return { status, message, credentialId: credId };
		} finally {
			if (!id && !keep) await this.rest('DELETE', `/rest/credentials/${credId}`);
		}
	}
}

function execFileP(cmd, args, opts = {}) {
	return new Promise((resolve, reject) => {
		execFile(cmd, args, { maxBuffer: 64 * 1024 * 1024, ...opts }, (err, stdout, stderr) => {
			if (err) {
				err.message += `\n${stdout}\n${stderr}`;
				reject(err);
			} else resolve(stdout);
		});
	});
}

// createInstance('2.40.7' | '1.123' | install info, { env, keepFolder, userFolder })
async function createInstance(versionOrInstall, opts = {}) {
	const install = typeof versionOrInstall === 'object' ? versionOrInstall : await ensureN8n(versionOrInstall);
	return new N8nInstance(install, opts);
}

module.exports = {
	createInstance,
	N8nInstance,
	parseExecuteOutput,
	extractJsonObjects,
	itemsByNode,
	nodeOutput,
	nodeRunError,
	freePort,
	request,
	killAll,
	setSignalHandler,
	OWNER,
	ENCRYPTION_KEY,
};
