// Starts the local Paynet sandbox until Ctrl+C: `npm run sandbox -- --port 8787`.
'use strict';

const { createSandbox, SANDBOX_SECRET_KEY } = require('./server');

function readPort(argv) {
	const index = argv.indexOf('--port');
	const value = index === -1 ? process.env.PAYNET_SANDBOX_PORT ?? '8787' : argv[index + 1];
	const port = Number(value);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		console.error(`Invalid port "${value}": use a number from 0 to 65535.`);
		process.exit(2);
	}
	return port;
}

async function main() {
	const sandbox = createSandbox({ port: readPort(process.argv) });
	await sandbox.start();
	console.log(`Paynet sandbox listening at ${sandbox.url}`);
	console.log(`Credential: environment "Custom URL", Base URL ${sandbox.url}, secret key ${SANDBOX_SECRET_KEY}`);
	console.log(`Control endpoints: ${sandbox.url}/_sandbox/{requests,faults,reset,pay,paylinks,confirmations}`);

	const stop = async () => {
		await sandbox.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(`The sandbox could not start: ${error.message}`);
	process.exit(1);
});
