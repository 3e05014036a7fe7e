// Small node types that stand in for n8n's built-in nodes, which are not installed with this package:
// a Manual Trigger with the built-in node's type name, a node that outputs rows given to it, and a
// pass-through for a built-in node whose output a run takes from pinned data.
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

/** Passes its input on unchanged; it stands in for a built-in node such as a file reader. */
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

module.exports = { ManualTrigger, FixtureRows, PassThrough };
