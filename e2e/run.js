'use strict';
// `npm run test:e2e`: checks for Chromium, builds the package, packs it into a temp folder, and
// runs the acceptance suite (e2e/paynet.e2e.test.js) with Node's test runner on that tarball.
// PAYNET_E2E_VERSIONS=2.40.7 (or 1.123, or both comma-separated) picks the n8n versions.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { ensureChromium } = require('./lib/browser');
const { buildPackage, packPackage } = require('./lib/package');

async function main() {
	const started = Date.now();
	ensureChromium();

	console.log('== npm run build');
	buildPackage();
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'paynet-e2e-pack-'));
	try {
		const tgz = packPackage(workDir);
		console.log(`== packed ${path.basename(tgz)}`);
		console.log(`== n8n versions: ${process.env.PAYNET_E2E_VERSIONS || '2.40.7,1.123'} (a first run installs them, about 3.5 min each)`);

		const code = await new Promise((resolve, reject) => {
			const child = spawn(
				process.execPath,
				['--test', '--test-reporter=spec', path.join(__dirname, 'paynet.e2e.test.js')],
				{ stdio: 'inherit', env: { ...process.env, PAYNET_E2E_TGZ: tgz } },
			);
			child.on('error', reject);
			child.on('exit', (exitCode, signal) => resolve(signal ? 1 : exitCode));
		});
		console.log(`== e2e suite finished in ${((Date.now() - started) / 1000).toFixed(0)} s, exit code ${code}`);
		return code;
	} finally {
		fs.rmSync(workDir, { recursive: true, force: true });
	}
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(`The e2e suite could not start: ${error.message}`);
		process.exit(1);
	},
);
