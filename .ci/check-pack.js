// Checks what `npm pack` would publish: the built node, credential and icons, and nothing that
// n8n's Community Nodes screen rejects (runtime dependencies, install scripts).
'use strict';

const { execFileSync } = require('node:child_process');

const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }));
const files = pack.files.map((file) => file.path);
const packageJson = require('../package.json');

const required = [
	...packageJson.n8n.nodes,
	...packageJson.n8n.credentials,
	'dist/nodes/Paynet/paynet.svg',
	'dist/nodes/Paynet/paynet.dark.svg',
	'dist/nodes/Paynet/Paynet.node.json',
	'dist/credentials/paynet.svg',
	'dist/credentials/paynet.dark.svg',
	'package.json',
];
const problems = required.filter((file) => !files.includes(file)).map((file) => `missing ${file}`);
problems.push(...files.filter((file) => !file.startsWith('dist/') && !['package.json', 'README.md', 'README.tr.md', 'LICENSE', 'index.js'].includes(file)).map((file) => `unexpected ${file}`));
if (packageJson.dependencies && Object.keys(packageJson.dependencies).length > 0) problems.push('runtime dependencies present');

if (problems.length > 0) {
	console.error(`npm pack check failed:\n  ${problems.join('\n  ')}`);
	process.exit(1);
}
console.log(`${pack.filename}: ${files.length} files, ${pack.size} bytes packed; node, credential and icons present`);
