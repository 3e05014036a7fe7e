// The package's shape as n8n's Community Nodes screen and its verification expect it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Paynet } from '../nodes/Paynet/Paynet.node';

const root = join(__dirname, '..');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('package', () => {
	test('has no runtime dependencies and only n8n-workflow as a peer', () => {
		expect(packageJson.dependencies).toBeUndefined();
		expect(packageJson.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	});

	test('has no install-time lifecycle scripts', () => {
		const forbidden = ['preinstall', 'install', 'postinstall', 'prepare', 'prepublish', 'preprepare', 'postprepare'];
		expect(Object.keys(packageJson.scripts).filter((name) => forbidden.includes(name))).toEqual([]);
	});

	test('registers the node and the credential from dist', () => {
		expect(packageJson.keywords).toContain('n8n-community-node-package');
		expect(packageJson.files).toEqual(['dist']);
		expect(packageJson.n8n.credentials).toEqual(['dist/credentials/PaynetApi.credentials.js']);
		expect(packageJson.n8n.nodes).toContain('dist/nodes/Paynet/Paynet.node.js');
	});

	test('node is usable as a tool and has two different icons', () => {
		const { description } = new Paynet();
		expect(description.usableAsTool).toBe(true);
		const icon = description.icon as { light: string; dark: string };
		const light = readFileSync(join(root, 'nodes/Paynet', icon.light.replace('file:', '')), 'utf8');
		const dark = readFileSync(join(root, 'nodes/Paynet', icon.dark.replace('file:', '')), 'utf8');
		expect(light).toContain('<svg');
		expect(dark).toContain('<svg');
		expect(light).not.toBe(dark);
	});

	test('codex file names the node and the Finance & Accounting category', () => {
		const codex = JSON.parse(readFileSync(join(root, 'nodes/Paynet/Paynet.node.json'), 'utf8'));
		expect(codex.node).toBe(`${packageJson.name}.paynet`);
		expect(codex.categories).toEqual(['Finance & Accounting']);
	});
});
