'use strict';
// Builds the repo's package and packs it with `npm pack`, so that tests and `npm run dev` install
// exactly the tarball a user would get from the registry.

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const REPO_ROOT = path.resolve(__dirname, '..', '..');

// Run `npm run build` in the repo (tsc and the icon copy into dist/).
function buildPackage({ quiet = false } = {}) {
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, stdio: quiet ? 'pipe' : 'inherit' });
}

// Pack the built package into destDir and return the tarball's path. Scripts stay off, as in
// the repo's .npmrc, so a prepack script could not hide a packaging mistake.
function packPackage(destDir) {
	fs.mkdirSync(destDir, { recursive: true });
	const raw = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destDir], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
	});
	const [result] = JSON.parse(raw);
	const tgz = path.join(destDir, result.filename);
	if (!fs.existsSync(tgz)) throw new Error(`npm pack reported ${result.filename}, but ${tgz} does not exist`);
	return tgz;
}

module.exports = { REPO_ROOT, buildPackage, packPackage };
