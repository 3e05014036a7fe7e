'use strict';
// Preloaded into every n8n process of a test instance (NODE_OPTIONS=--require ...).
// It rejects every TCP connection and DNS look-up for a host other than loopback, so a test
// instance cannot reach another host. Each rejection is appended to the file named by
// PAYNET_E2E_GUARD_LOG, so that a test can fail on it.

const fs = require('fs');
const net = require('net');
const dns = require('dns');

const logFile = process.env.PAYNET_E2E_GUARD_LOG;

function isLoopback(host) {
	if (host === undefined || host === null || host === '') return true; // node's default is localhost
	const h = String(host).toLowerCase().replace(/^\[|\]$/g, '');
	if (h === 'localhost' || h.endsWith('.localhost')) return true;
	if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
	if (/^127\.\d+\.\d+\.\d+$/.test(h)) return true;
	if (/^::ffff:127\.\d+\.\d+\.\d+$/.test(h)) return true;
	return false;
}

function record(kind, target) {
	const line = `${new Date().toISOString()} pid ${process.pid} blocked ${kind} ${target}\n`;
	if (logFile) {
		try {
			fs.appendFileSync(logFile, line);
		} catch {
			// nothing more to do
		}
	}
}

function blockedError(target) {
	const err = new Error(`connection to ${target} blocked: test instances reach loopback only`);
	err.code = 'ECONNREFUSED';
	return err;
}

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
	let options = args[0];
	if (Array.isArray(options)) options = options[0]; // internal normalized form
	let host;
	let port;
	let isPipe = false;
	if (options && typeof options === 'object') {
		host = options.host;
		port = options.port;
		isPipe = typeof options.path === 'string';
	} else if (typeof options === 'string' && !/^\d+$/.test(options)) {
		isPipe = true; // a unix socket path
	} else {
		port = options;
		host = typeof args[1] === 'string' ? args[1] : undefined;
	}
	if (!isPipe && !isLoopback(host)) {
		const target = `${host}:${port}`;
		record('connect', target);
		const socket = this;
		process.nextTick(() => socket.destroy(blockedError(target)));
		return socket;
	}
	return originalConnect.apply(this, args);
};

const originalLookup = dns.lookup;
dns.lookup = function guardedLookup(hostname, options, callback) {
	const cb = typeof options === 'function' ? options : callback;
	if (!isLoopback(hostname)) {
		record('dns', hostname);
		const err = blockedError(hostname);
		err.code = 'ENOTFOUND';
		process.nextTick(() => cb(err));
		return {};
	}
	return originalLookup.apply(this, arguments);
};

const originalPromiseLookup = dns.promises.lookup;
dns.promises.lookup = async function guardedPromiseLookup(hostname, ...rest) {
	if (!isLoopback(hostname)) {
		record('dns', hostname);
		const err = blockedError(hostname);
		err.code = 'ENOTFOUND';
		throw err;
	}
	return originalPromiseLookup.call(this, hostname, ...rest);
};
