// Small node types that replace n8n's built-in nodes, which are not installed with this package.
// They are a Manual Trigger with the built-in node's type name, a node that outputs rows given to
// it, a pass-through for a built-in node whose output a run takes from pinned data, and the part
// of Edit Fields (Set) that the example workflows use.
'use strict';

const { NodeConnectionTypes } = require('n8n-workflow');

class ManualTrigger {
	description = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Starts the workflow once',
		defaults: { name: 'Manual Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async trigger() {
		const emit = () => this.emit([this.helpers.returnJsonArray([{}])]);
		return { manualTriggerFunction: async () => emit() };
	}
}

/** Outputs the rows in its `rows` parameter (a JSON array), one item per row, like a sheet's rows. */
class FixtureRows {
	description = {
		displayName: 'Fixture Rows',
		name: 'fixtureRows',
		group: ['input'],
		version: 1,
		description: 'Outputs the rows it is given',
		defaults: { name: 'Rows' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Rows', name: 'rows', type: 'json', default: '[]' }],
	};

	async execute() {
		const raw = this.getNodeParameter('rows', 0);
		const rows = typeof raw === 'string' ? JSON.parse(raw) : raw;
		return [rows.map((json) => ({ json, pairedItem: { item: 0 } }))];
	}
}

/** Passes its input on unchanged, in place of a built-in node such as a file reader. */
class PassThrough {
	constructor(displayName) {
		this.description = {
			displayName,
			name: 'passThrough',
			group: ['transform'],
			version: 1,
			description: `Stands in for ${displayName}`,
			defaults: { name: displayName },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		};
	}

	async execute() {
		return [this.getInputData()];
	}
}

/**
 * The "Manual Mapping" mode of n8n's Edit Fields (Set) node, version 3.3 and later: each item
 * becomes an object with only the listed fields, whose values the engine resolves per item.
 * Types other than string, number and boolean are passed on as resolved.
 */
class EditFields {
	description = {
		displayName: 'Edit Fields (Set)',
		name: 'set',
		group: ['input'],
		version: [3.3, 3.4],
		description: 'Stands in for Edit Fields (Set) with manual mapping',
		defaults: { name: 'Edit Fields' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Fields to Set', name: 'assignments', type: 'assignmentCollection', default: {} },
			{ displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [] },
		],
	};

	async execute() {
		const convert = { string: String, number: Number, boolean: (value) => value === true || value === 'true' };
		return [
			this.getInputData().map((_item, itemIndex) => {
				const assignments = this.getNodeParameter('assignments.assignments', itemIndex, []);
				const json = {};
				for (const { name, value, type } of assignments) json[name] = convert[type] ? convert[type](value) : value;
				return { json, pairedItem: { item: itemIndex } };
			}),
		];
	}
}

module.exports = { ManualTrigger, FixtureRows, PassThrough, EditFields };
