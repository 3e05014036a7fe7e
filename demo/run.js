// `npm run demo`: runs the example workflow that updates the PayLinks listed in a sheet of orders,
// through n8n-core's engine, and prints each order's outcome. Against the local sandbox it then
// runs the PayLink life cycle (create, get, list, pay, trigger, check). With PAYNET_SECRET_KEY set,
// it runs only the status updates, against the real Paynet system named by PAYNET_ENVIRONMENT.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const { runWorkflow } = require('../engine/run-workflow');
const { PassThrough } = require('../engine/stand-in-nodes');
const { createSandbox, SANDBOX_SECRET_KEY } = require('../sandbox/server');
const { readCsv } = require('./csv');
const { runLifecycleDemo } = require('./lifecycle');

const root = path.join(__dirname, '..');
const WORKFLOW_PATH = path.join(root, 'examples', 'update-paylink-status.workflow.json');
const ORDERS_NODE = 'Orders';
const PAYNET_NODE = 'Update PayLink Status';

function loadBuiltPackage() {
	try {
		return {
			Paynet: require('../dist/nodes/Paynet/Paynet.node').Paynet,
			PaynetTrigger: require('../dist/nodes/PaynetTrigger/PaynetTrigger.node').PaynetTrigger,
			PaynetApi: require('../dist/credentials/PaynetApi.credentials').PaynetApi,
		};
	} catch (error) {
		throw new Error(`The package is not built (${error.message}). Run "npm run build" first, or use "npm run demo".`);
	}
}

/** Chooses the Paynet system: the local sandbox, or a real one when PAYNET_SECRET_KEY is set. */
async function chooseTarget() {
	const secretKey = process.env.PAYNET_SECRET_KEY?.trim();
	if (!secretKey) {
		const ignored = ['PAYNET_ENVIRONMENT', 'PAYNET_BASE_URL'].filter((name) => process.env[name]);
		if (ignored.length > 0) {
			throw new Error(
				`${ignored.join(' and ')} ${ignored.length === 1 ? 'applies' : 'apply'} only with PAYNET_SECRET_KEY set. Set the secret key to run against that Paynet system, or unset ${ignored.join(' and ')} to use the local sandbox.`,
			);
		}
		const sandbox = await createSandbox().start();
		return {
			sandbox,
			label: `local Paynet sandbox at ${sandbox.url}`,
			credential: { secretKey: SANDBOX_SECRET_KEY, environment: 'custom', baseUrl: sandbox.url },
			stop: () => sandbox.stop(),
		};
	}

	const environment = process.env.PAYNET_ENVIRONMENT ?? 'test';
	if (!['test', 'live', 'custom'].includes(environment)) {
		throw new Error(`PAYNET_ENVIRONMENT is "${environment}": use test, live or custom (with PAYNET_BASE_URL).`);
	}
	const baseUrl = process.env.PAYNET_BASE_URL ?? '';
	if (environment === 'custom' && !baseUrl) {
		throw new Error('PAYNET_ENVIRONMENT=custom needs PAYNET_BASE_URL, for example the address of your fixed-IP proxy.');
	}
	const names = { test: 'Paynet test system', live: 'Paynet LIVE system', custom: `Paynet at ${baseUrl}` };
	return { label: names[environment], credential: { secretKey, environment, baseUrl }, stop: async () => {} };
}

const REQUIRED_COLUMNS = ['order_no', 'paylink_reference', 'action'];

/** Reads the sheet of orders, or throws a message that names the setting or the column to fix. */
function readOrders(ordersPath) {
	let text;
	try {
		text = fs.readFileSync(ordersPath, 'utf8');
	} catch (error) {
		throw new Error(`Could not read the sheet of orders ${ordersPath} (${error.code ?? error.message}). Check PAYNET_ORDERS_CSV.`);
	}

	const orders = readCsv(text);
	if (orders.length === 0) throw new Error(`The sheet ${ordersPath} has no order rows below its header.`);
	const missing = REQUIRED_COLUMNS.filter((column) => !(column in orders[0]));
	if (missing.length > 0) {
		throw new Error(
			`The sheet ${ordersPath} lacks the column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}. It needs the columns ${REQUIRED_COLUMNS.join(', ')}, separated by commas, with action set to cancel or reopen.`,
		);
	}
	return orders;
}

function describeOutcome(json) {
	if (json.error) return `FAILED   ${json.error}`;
	if (Number(json.code) === 100) return `UNCHANGED (result code 100: ${json.message})`;
	return `UPDATED  (result code ${json.code}: ${json.message})`;
}

async function main() {
	const { Paynet, PaynetTrigger, PaynetApi } = loadBuiltPackage();
	const ordersPath = process.env.PAYNET_ORDERS_CSV ?? path.join(root, 'examples', 'orders.csv');
	const orders = readOrders(ordersPath);
	const workflow = JSON.parse(fs.readFileSync(WORKFLOW_PATH, 'utf8'));
	const target = await chooseTarget();

	console.log(`Workflow: ${workflow.name}`);
	console.log(`Sheet:    ${path.relative(process.cwd(), ordersPath) || ordersPath} (${orders.length} ${orders.length === 1 ? 'order' : 'orders'})`);
	console.log(`Paynet:   ${target.label}`);
	console.log('');

	try {
		// Inside n8n the sheet is read by the two file nodes; here the rows are pinned as their output.
		const result = await runWorkflow({
			workflow: { ...workflow, pinData: { [ORDERS_NODE]: orders.map((json) => ({ json })) } },
			nodeTypes: {
				'n8n-nodes-paynet.paynet': new Paynet(),
				'n8n-nodes-base.readWriteFile': new PassThrough('Read/Write Files from Disk'),
				'n8n-nodes-base.extractFromFile': new PassThrough('Extract from File'),
			},
			credentialTypes: { paynetApi: new PaynetApi() },
			credentials: { 'paynet-credential': { type: 'paynetApi', data: target.credential } },
		});
		if (result.error) throw result.error;

		const outcomes = result.items(PAYNET_NODE) ?? [];
		const counts = { UPDATED: 0, UNCHANGED: 0, FAILED: 0 };
		for (const { json, pairedItem } of outcomes) {
			const order = orders[pairedItem.item];
			const wanted = order.action === 'reopen' ? 'Awaiting Payment' : 'Passive';
			const line = describeOutcome(json);
			counts[line.split(' ')[0]] += 1;
			console.log(
				`order ${order.order_no}  ${(order.paylink_reference || '(none)').padEnd(9)}  ${order.action.padEnd(6)} → ${wanted.padEnd(16)}  ${line}`,
			);
		}
		console.log('');
		console.log(
			`${outcomes.length} of ${orders.length} orders processed: ${counts.UPDATED} updated, ${counts.UNCHANGED} already in that status, ${counts.FAILED} failed.`,
		);
		// A run in which no order succeeded points at the setup (key, address), not at the orders.
		if (outcomes.length !== orders.length || counts.FAILED === orders.length) process.exitCode = 1;

		console.log('');
		if (!target.sandbox) {
			console.log('The PayLink life cycle part runs only against the sandbox, because it pays a PayLink.');
			return;
		}
		console.log('PayLink life cycle: examples/create-paylinks-from-orders.workflow.json and mark-order-paid.workflow.json');
		await runLifecycleDemo({
			sandbox: target.sandbox,
			Paynet,
			PaynetTrigger,
			PaynetApi,
			runWorkflow,
			print: (line) => console.log(line),
		});
	} finally {
		await target.stop();
	}
}

main().catch((error) => {
	console.error(`The demo failed: ${error.message}`);
	if (error.description) console.error(error.description);
	process.exit(1);
});
