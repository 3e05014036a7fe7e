// Lint rules that n8n applies to community packages: eslint-plugin-n8n-nodes-base's community,
// credentials and nodes sets, and the recommended rules of n8n's verification scanner.
import tsParser from '@typescript-eslint/parser';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import communityNodes from '@n8n/eslint-plugin-community-nodes';

// Classic rules that contradict the verification scanner or only fit n8n's own repository.
const notForCommunityPackages = {
	// The rule expects a docs slug inside n8n's repository, but a community credential links a full URL.
	'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
	// These predate NodeConnectionTypes and expect the string 'main', which the scanner forbids.
	'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
	'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
};

const classicSet = (name, files) => ({
	files,
	languageOptions: {
		parser: tsParser,
		parserOptions: { sourceType: 'module', extraFileExtensions: ['.json'] },
	},
	plugins: { 'n8n-nodes-base': n8nNodesBase },
	rules: { ...n8nNodesBase.configs[name].rules, ...notForCommunityPackages },
});

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'sandbox/**', 'demo/**', 'e2e/**', 'benchmarks/**', 'gulpfile.js', 'index.js'] },
	classicSet('community', ['package.json']),
	classicSet('credentials', ['credentials/**/*.ts']),
	classicSet('nodes', ['nodes/**/*.ts']),
	{
		files: ['**/*.ts', 'package.json'],
		languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module', extraFileExtensions: ['.json'] } },
		...communityNodes.configs.recommended,
	},
];
