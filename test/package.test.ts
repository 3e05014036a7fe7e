// The package's shape as n8n's Community Nodes screen and its verification expect it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { Paynet } from '../nodes/Paynet/Paynet.node';
import { PaynetTrigger } from '../nodes/PaynetTrigger/PaynetTrigger.node';

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
		expect(packageJson.n8n.nodes).toEqual([
			'dist/nodes/Paynet/Paynet.node.js',
			'dist/nodes/PaynetTrigger/PaynetTrigger.node.js',
		]);
	});

	test('node is usable as a tool', () => {
		expect(new Paynet().description.usableAsTool).toBe(true);
	});

	test.each([
		['Paynet', new Paynet().description],
		['PaynetTrigger', new PaynetTrigger().description],
	])('%s has two different icons in its folder', (folder, description) => {
		const icon = description.icon as { light: string; dark: string };
		const light = readFileSync(join(root, 'nodes', folder, icon.light.replace('file:', '')), 'utf8');
		const dark = readFileSync(join(root, 'nodes', folder, icon.dark.replace('file:', '')), 'utf8');
		expect(light).toContain('<svg');
		expect(dark).toContain('<svg');
		expect(light).not.toBe(dark);
	});

	test.each([
		['Paynet', 'paynet'],
		['PaynetTrigger', 'paynetTrigger'],
	])('%s codex file names the node and the Finance & Accounting category', (folder, name) => {
		const codex = JSON.parse(readFileSync(join(root, 'nodes', folder, `${folder}.node.json`), 'utf8'));
		expect(codex.node).toBe(`${packageJson.name}.${name}`);
		expect(codex.categories).toEqual(['Finance & Accounting']);
	});

	test('trigger is a POST webhook named paynetTrigger', () => {
		const { description } = new PaynetTrigger();
		expect(description.name).toBe('paynetTrigger');
		expect(description.displayName).toBe('Paynet Trigger');
		expect(description.group).toEqual(['trigger']);
		expect(description.webhooks).toEqual([
			expect.objectContaining({ name: 'default', httpMethod: 'POST', responseMode: 'onReceived' }),
		]);
	});

	describe.each([
		['Paynet', new Paynet().description.properties],
		['Paynet Trigger', new PaynetTrigger().description.properties],
	])('%s parameters', (_node, properties) => {
		const all: INodeProperties[] = properties.flatMap((property) => [
			property,
			...((property.type === 'collection' ? property.options : []) as INodeProperties[]),
		]);

		test('every parameter has a default', () => {
			expect(all.filter((property) => property.default === undefined).map((property) => property.name)).toEqual([]);
		});

		test('every option list is sorted by name', () => {
			for (const property of all.filter((candidate) => candidate.type === 'options' || candidate.type === 'collection')) {
				const names =
					property.type === 'collection'
						? (property.options as INodeProperties[]).map((option) => option.displayName)
						: (property.options as INodePropertyOptions[]).map((option) => option.name);
				expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
			}
		});
	});

	test('resource and operation lists have no expressions and sentence-case actions', () => {
		const operations = new Paynet().description.properties.filter((property) =>
			['resource', 'operation'].includes(property.name),
		);
		expect(operations.length).toBe(3);
		for (const property of operations) {
			expect(property.noDataExpression).toBe(true);
			for (const option of (property.options as INodePropertyOptions[]).filter((entry) => entry.action)) {
				expect(option.action).toMatch(/^[A-Z][a-z ]+$/);
			}
		}
	});
});
