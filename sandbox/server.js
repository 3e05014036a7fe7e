// A local stand-in for Paynet's REST API, bound to loopback only, for tests, the demo and manual tries.
// It speaks the documented protocol of every endpoint the package calls, records every request,
// and injects faults on request (latency, HTTP 5xx, a malformed body, HTTP 200 with a failure code).
'use strict';

const http = require('node:http');
const crypto = require('node:crypto');
const path = require('node:path');
const fs = require('node:fs');

/** The secret key the sandbox accepts by default; `/` and `+` prove keys are sent unchanged. */
const SANDBOX_SECRET_KEY = 'sck_sandbox_Q7v/2kP+9xZr';
/** A publishable key: the sandbox rejects it like any wrong key, as Paynet does for REST calls. */
const SANDBOX_PUBLISHABLE_KEY = 'pbk_sandbox_Hn4sLw81';

const FIXTURE_PATH = path.join(__dirname, 'fixtures', 'paylinks.json');
const CONTROL_PREFIX = '/_sandbox/';
const MAX_BODY_BYTES = 1024 * 1024;

// Messages in Paynet's language; the real wording of each message is not documented, so these are the sandbox's own.
const MESSAGES = {
	success: 'Başarılı İşlem',
	alreadyDone: 'Bu işlem daha önce başarıyla yapılmış',
	unauthorized: 'Yetkisiz erişim: gizli anahtar geçersiz',
	badRequest: 'Geçersiz istek',
	noData: 'Kayıt bulunamadı',
	duplicate: 'Bu referans numarası ile daha önce kayıt oluşturulmuş',
	paidPayLink: 'Ödenmiş PayLink güncellenemez',
	notFound: 'Servis bulunamadı',
	serverError: 'Sunucu hatası',
};

class SandboxInputError extends Error {
	constructor(message, resultCode = 11) {
		super(message);
		this.resultCode = resultCode;
	}
}

function loadFixture() {
	return JSON.parse(fs.readFileSync(FIXTURE_PATH, 'utf8'));
}

// Paynet is a Turkish service, so the sandbox stamps dates in Istanbul time, as "YYYY-MM-DD HH:mm:ss".
const ISTANBUL_TIME = new Intl.DateTimeFormat('sv-SE', {
	timeZone: 'Europe/Istanbul',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23',
});

function istanbulNow() {
	return ISTANBUL_TIME.format(new Date());
}

function today() {
	return istanbulNow().slice(0, 10);
}

function isLoopbackUrl(value) {
	try {
		const { protocol, hostname } = new URL(value);
		return (
			(protocol === 'http:' || protocol === 'https:') &&
			(hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]')
		);
	} catch {
		return false;
	}
}

function requireBoolean(body, field) {
	if (body[field] !== undefined && typeof body[field] !== 'boolean') {
		throw new SandboxInputError(`${field} bir boolean olmalı (received ${JSON.stringify(body[field])})`);
	}
	return body[field] === true;
}

function requireInteger(body, field) {
	if (body[field] !== undefined && !Number.isInteger(body[field])) {
		throw new SandboxInputError(`${field} bir tam sayı olmalı (received ${JSON.stringify(body[field])})`);
	}
	return body[field];
}

function requireText(body, field) {
	if (body[field] !== undefined && typeof body[field] !== 'string') {
		throw new SandboxInputError(`${field} bir metin olmalı (received ${JSON.stringify(body[field])})`);
	}
	return body[field];
}

/** Parses `datab`/`datbi` in the YYYY-MM-DD form Paynet's clients send. */
function requireDate(body, field) {
	const value = body[field];
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
		throw new SandboxInputError(`${field} zorunludur ve YYYY-MM-DD biçiminde olmalı (received ${JSON.stringify(value)})`);
	}
	return value;
}

/**
 * Creates a sandbox. Call `start()` to listen; `url` is set once it listens.
 * Options: `port` (0 picks a free one), `secretKeys`, `payLinks` (defaults to the fixture).
 */
function createSandbox(options = {}) {
	const secretKeys = options.secretKeys ?? [SANDBOX_SECRET_KEY];
	const fixture = options.payLinks ?? loadFixture();

	const state = {
		payLinks: [],
		transactions: [],
		requests: [],
		faults: [],
		confirmations: [],
	};

	function reset() {
		state.payLinks = fixture.map((payLink) => ({ ...payLink }));
		state.transactions = [];
		state.requests = [];
		state.faults = [];
		state.confirmations = [];
		for (const payLink of state.payLinks.filter((link) => link.paid)) {
			recordPayment(payLink);
		}
	}

	function findPayLink(body) {
		if (typeof body.id === 'string' && body.id !== '') {
			return state.payLinks.find((link) => link.id === body.id);
		}
		if (typeof body.reference_no === 'string' && body.reference_no !== '') {
			return state.payLinks.find((link) => link.reference_no === body.reference_no);
		}
		throw new SandboxInputError('id veya reference_no alanlarından en az biri zorunludur');
	}

	function payLinkUrl(id) {
		return `${sandbox.url}/paylink/${id}`;
	}

	function detailOf(link) {
		return {
			id: link.id,
			company_code: 'SANDBOX',
			agent_id: link.agent_id ?? '',
			xact_id: link.xact_id ?? '',
			reference_no: link.reference_no ?? '',
			email: link.email ?? '',
			user_name: link.user_name ?? '',
			name_surname: link.name_surname,
			amount: link.amount,
			currency: link.currency ?? 'TRY',
			installment: link.installment ?? 0,
			phone: link.phone ?? '',
			bank_id: link.bank_id ?? '',
			expire_date: link.expire_date,
			create_date: link.create_date,
			note: link.note ?? '',
			agent_note: link.agent_note ?? '',
			succeed_url: link.succeed_url ?? '',
			error_url: link.error_url ?? '',
			confirmation_url: link.confirmation_url ?? '',
			send_sms: link.send_sms ?? false,
			send_mail: link.send_mail ?? false,
			status: link.status,
			is_succeed: Boolean(link.paid),
			url: payLinkUrl(link.id),
		};
	}

	function recordPayment(link, overrides = {}) {
		const transaction = {
			xact_id: `xact_${crypto.randomBytes(8).toString('hex')}`,
			id: state.transactions.length + 1,
			xact_date: istanbulNow(),
			transaction_type: 1,
			pos_type: 5,
			is_tds: true,
			agent_id: link.agent_id ?? '',
			note: link.note ?? '',
			agent_reference: link.reference_no,
			reference_no: link.reference_no,
			bank_id: 'AKBK',
			card_no: '435508******4358',
			card_holder: link.name_surname,
			card_type: 'cc',
			instalment: 1,
			amount: link.amount,
			net_amount: Math.round(link.amount * 0.97 * 100) / 100,
			comission: Math.round(link.amount * 0.025 * 100) / 100,
			comission_tax: Math.round(link.amount * 0.005 * 100) / 100,
			currency: link.currency ?? 'TRY',
			authorization_code: String(crypto.randomInt(100000, 999999)),
			order_id: `ORDER${crypto.randomInt(1000000, 9999999)}`,
			is_succeed: true,
			...overrides,
		};
		state.transactions.push(transaction);
		if (transaction.is_succeed) {
			link.paid = true;
			link.xact_id = transaction.xact_id;
		}
		return transaction;
	}

	/** Builds the JSON Paynet POSTs to confirmation_url, with Paynet's own spellings (`referance_no`, `netAmount`). */
	function confirmationPayload(transaction) {
		return {
			referance_no: transaction.reference_no,
			xact_date: transaction.xact_date,
			agent_id: transaction.agent_id,
			bank_id: transaction.bank_id,
			instalment: transaction.instalment,
			card_type: transaction.card_type,
			card_holder: transaction.card_holder,
			card_number: transaction.card_no,
			amount: transaction.amount,
			netAmount: transaction.net_amount,
			comission: transaction.comission,
			comission_tax: transaction.comission_tax,
			currency: transaction.currency,
			authorization_code: transaction.authorization_code,
			order_id: transaction.order_id,
			is_succeed: transaction.is_succeed,
		};
	}

	/**
	 * Pays a PayLink as a customer would, then POSTs the confirmation to its confirmation_url
	 * (loopback addresses only). Returns the transaction and the confirmation's HTTP outcome.
	 */
	async function pay(identifier, overrides = {}) {
		const link = findPayLink(identifier);
		if (!link) throw new SandboxInputError(MESSAGES.noData, 12);
		const transaction = recordPayment(link, overrides);

		let confirmation = null;
		if (link.confirmation_url) {
			if (!isLoopbackUrl(link.confirmation_url)) {
				confirmation = { error: `not posted: ${link.confirmation_url} is not a loopback address` };
			} else {
				const payload = confirmationPayload(transaction);
				try {
					const response = await fetch(link.confirmation_url, {
						method: 'POST',
						headers: { 'Content-Type': 'application/json; charset=UTF-8' },
						body: JSON.stringify(payload),
						signal: AbortSignal.timeout(30_000),
					});
					confirmation = { status: response.status, body: await response.text(), payload };
				} catch (error) {
					confirmation = { error: error.message, payload };
				}
			}
			state.confirmations.push({ url: link.confirmation_url, ...confirmation });
		}
		return { transaction, confirmation };
	}

	const routes = {
		'/v1/mailorder/status_update': (body) => {
			const status = requireInteger(body, 'status');
			if (status === undefined) throw new SandboxInputError('status zorunludur');
			const link = findPayLink(body);
			const envelope = { object_name: 'mailorder_update_status' };
			if (!link) return { ...envelope, code: 12, message: MESSAGES.noData };
			if (status !== 0 && status !== 3) {
				return { ...envelope, code: 11, message: `Geçersiz durum: ${status} (0 veya 3 olmalı)` };
			}
			if (link.paid) return { ...envelope, code: 1, message: MESSAGES.paidPayLink };
			if (link.status === status) return { ...envelope, code: 100, message: MESSAGES.alreadyDone };
			link.status = status;
			return { ...envelope, code: 0, message: MESSAGES.success };
		},

		'/v1/mailorder/create': (body) => {
			const name = requireText(body, 'name_surname');
			if (!name || name.trim() === '') throw new SandboxInputError('name_surname zorunludur');
			const amount = body.amount;
			const amountIsValid =
				(typeof amount === 'number' && Number.isFinite(amount) && amount > 0) ||
				(typeof amount === 'string' && /^\d+(\.\d{1,2})?$/.test(amount) && Number(amount) > 0);
			if (!amountIsValid) {
				throw new SandboxInputError(`amount geçersiz: ${JSON.stringify(amount)} (örnek: 150.50)`);
			}
			const sendMail = requireBoolean(body, 'send_mail');
			const sendSms = requireBoolean(body, 'send_sms');
			for (const field of ['addcomission_to_amount', 'send_confirmation_mail', 'multi_payment']) {
				requireBoolean(body, field);
			}
			for (const field of ['pos_type', 'installment']) requireInteger(body, field);
			const expireDate = body.expire_date ?? 24;
			if (!Number.isInteger(expireDate) || expireDate <= 0) {
				throw new SandboxInputError(`expire_date saat cinsinden pozitif bir tam sayı olmalı (received ${JSON.stringify(expireDate)})`);
			}
			for (const field of [
				'email', 'phone', 'reference_no', 'note', 'agent_note', 'agent_id', 'user_name',
				'succeed_url', 'error_url', 'confirmation_url', 'currency', 'bank_id', 'ratio_code',
			]) {
				requireText(body, field);
			}
			if (sendMail && !body.email) throw new SandboxInputError('send_mail için email zorunludur');
			if (sendSms && !body.phone) throw new SandboxInputError('send_sms için phone zorunludur');

			const envelope = { object_name: 'mailorder_create' };
			if (body.reference_no && state.payLinks.some((link) => link.reference_no === body.reference_no)) {
				return { ...envelope, code: 5, message: MESSAGES.duplicate };
			}

			const link = {
				...body,
				id: crypto.randomUUID(),
				amount: Number(amount),
				currency: body.currency ?? 'TRY',
				expire_date: expireDate,
				status: 0,
				create_date: istanbulNow(),
			};
			state.payLinks.push(link);
			return {
				...envelope,
				code: 0,
				message: MESSAGES.success,
				id: link.id,
				reference_no: link.reference_no ?? '',
				url: payLinkUrl(link.id),
			};
		},

		'/v1/mailorder/detail': (body) => {
			const link = findPayLink(body);
			const envelope = { object_name: 'mailorder_detail' };
			if (!link) return { ...envelope, code: 12, message: MESSAGES.noData };
			return { ...envelope, code: 0, message: MESSAGES.success, ...detailOf(link) };
		},

		'/v1/mailorder/list': (body, fault) => {
			const from = requireDate(body, 'datab');
			const to = requireDate(body, 'datbi');
			if (from > to) throw new SandboxInputError('datab, datbi tarihinden sonra olamaz');
			const limit = requireInteger(body, 'limit') ?? 10;
			const startingAfter = requireInteger(body, 'starting_after');
			const endingBefore = requireInteger(body, 'ending_before');
			if (limit <= 0) throw new SandboxInputError('limit pozitif olmalı');

			const matching = state.payLinks.filter((link) => {
				const day = link.create_date.slice(0, 10);
				return day >= from && day <= to;
			});
			// Paynet pages by row index: starting_after=15, limit=15 gives rows 15-30.
			// The fault `repeatFirstPage` imitates a server that ignores the paging fields.
			let start = fault?.repeatFirstPage ? 0 : startingAfter ?? 0;
			if (startingAfter === undefined && endingBefore !== undefined) start = Math.max(0, endingBefore - limit);
			const end = Math.min(matching.length, start + limit);
			const page = matching.slice(start, end);
			return {
				object_name: 'mailorder_list',
				code: 0,
				message: MESSAGES.success,
				total: page.length,
				total_count: matching.length,
				limit,
				starting_after: start,
				ending_before: end,
				has_more: fault?.alwaysHasMore || fault?.repeatFirstPage ? true : end < matching.length,
				Data: page.map(detailOf),
			};
		},

		'/v1/transaction/check': (body) => {
			const xactId = requireText(body, 'xact_id');
			const referenceNo = requireText(body, 'reference_no');
			if (!xactId && !referenceNo) throw new SandboxInputError('xact_id veya reference_no zorunludur');
			const rows = state.transactions.filter((transaction) =>
				xactId ? transaction.xact_id === xactId : transaction.reference_no === referenceNo,
			);
			const envelope = { object_name: 'transaction_check' };
			if (rows.length === 0) return { ...envelope, code: 12, message: MESSAGES.noData };
			return { ...envelope, code: 0, message: MESSAGES.success, Data: rows };
		},
	};

	function send(response, status, body, contentType = 'application/json; charset=utf-8') {
		const text = typeof body === 'string' ? body : JSON.stringify(body);
		response.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
		response.end(text);
	}

	function sendError(response, httpStatus, type, message, resultCode) {
		send(response, httpStatus, { type, message, code: httpStatus, result_code: resultCode });
	}

	function takeFault(pathname) {
		const index = state.faults.findIndex((fault) => !fault.path || fault.path === pathname);
		if (index === -1) return undefined;
		const fault = state.faults[index];
		if (fault.times !== undefined) {
			fault.times -= 1;
			if (fault.times <= 0) state.faults.splice(index, 1);
		}
		return fault;
	}

	async function handleApi(request, response, pathname, rawBody) {
		const record = {
			method: request.method,
			path: pathname,
			headers: { ...request.headers },
			rawBody,
			body: undefined,
			receivedAt: new Date().toISOString(),
		};
		try {
			record.body = rawBody === '' ? undefined : JSON.parse(rawBody);
		} catch {
			record.body = undefined;
		}
		state.requests.push(record);

		const fault = takeFault(pathname);
		if (fault?.latencyMs) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));

		const authorization = request.headers.authorization ?? '';
		if (!secretKeys.some((key) => authorization === `Basic ${key}`)) {
			return sendError(response, 401, 'authorization_error', MESSAGES.unauthorized, 7);
		}

		if (fault?.httpStatus) {
			return sendError(response, fault.httpStatus, 'api_error', fault.message ?? MESSAGES.serverError, fault.resultCode ?? 8);
		}
		if (fault?.malformedBody) return send(response, 200, '<html>Bad Gateway</html>', 'text/html');
		if (fault?.resultCode !== undefined) {
			return send(response, 200, {
				object_name: 'error',
				code: fault.resultCode,
				message: fault.message ?? MESSAGES.badRequest,
			});
		}

		const route = routes[pathname];
		if (request.method !== 'POST' || !route) {
			return sendError(response, 404, '404 Not Found', MESSAGES.notFound, 12);
		}
		if (record.body === undefined || typeof record.body !== 'object' || Array.isArray(record.body)) {
			return sendError(response, 400, 'invalid_request_error', `${MESSAGES.badRequest}: gövde bir JSON nesnesi olmalı`, 11);
		}

		try {
			return send(response, 200, route(record.body, fault));
		} catch (error) {
			if (!(error instanceof SandboxInputError)) throw error;
			const httpStatus = error.resultCode === 12 ? 404 : 400;
			const type = error.resultCode === 12 ? 'no_data_error' : 'invalid_request_error';
			return sendError(response, httpStatus, type, error.message, error.resultCode);
		}
	}

	/** Control endpoints for tests in other processes: requests, faults, reset and payments. */
	async function handleControl(request, response, pathname, rawBody) {
		const action = pathname.slice(CONTROL_PREFIX.length);
		let body;
		try {
			body = rawBody ? JSON.parse(rawBody) : {};
		} catch {
			return send(response, 400, { error: `The body of ${pathname} must be JSON` });
		}

		if (action === 'requests' && request.method === 'GET') return send(response, 200, state.requests);
		if (action === 'requests' && request.method === 'DELETE') {
			state.requests = [];
			return send(response, 200, { cleared: true });
		}

		if (action === 'faults' && request.method === 'POST') {
			sandbox.addFault(body);
			return send(response, 200, { faults: state.faults });
		}
		if (action === 'faults' && request.method === 'DELETE') {
			state.faults = [];
			return send(response, 200, { faults: [] });
		}

		if (action === 'reset' && request.method === 'POST') {
			reset();
			return send(response, 200, { reset: true });
		}
		if (action === 'paylinks' && request.method === 'GET') return send(response, 200, state.payLinks.map(detailOf));
		if (action === 'confirmations' && request.method === 'GET') return send(response, 200, state.confirmations);

		if (action === 'pay' && request.method === 'POST') {
			const { overrides, ...identifier } = body;
			try {
				return send(response, 200, await pay(identifier, overrides));
			} catch (error) {
				if (!(error instanceof SandboxInputError)) throw error;
				return send(response, error.resultCode === 12 ? 404 : 400, { error: error.message });
			}
		}
		return send(response, 404, { error: `Unknown control endpoint ${request.method} ${pathname}` });
	}

	function escapeHtml(value) {
		return String(value).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
	}

	/**
	 * Serves the payment page a PayLink URL opens: the PayLink's details and a button that pays it
	 * as a customer would, which also posts the confirmation to its confirmation_url.
	 */
	async function handlePayLinkPage(request, response, pathname) {
		const [, , id, action] = pathname.split('/');
		const link = state.payLinks.find((candidate) => candidate.id === id);
		if (!link) return send(response, 404, '<h1>No such PayLink in the sandbox</h1>', 'text/html; charset=utf-8');

		let notice = '';
		if (request.method === 'POST' && action === 'pay') {
			if (link.paid || link.status !== 0) {
				notice = '<p><strong>Not paid:</strong> this PayLink is already paid or passive.</p>';
			} else {
				const { transaction, confirmation } = await pay({ id });
				const posted = confirmation
					? `Confirmation posted to ${escapeHtml(link.confirmation_url)}: ${escapeHtml(confirmation.status ?? confirmation.error)}`
					: 'This PayLink has no confirmation URL, so nothing was posted.';
				notice = `<p><strong>Paid</strong> as transaction ${escapeHtml(transaction.xact_id)}. ${posted}</p>`;
			}
		}

		let linkState = link.status === 0 ? 'awaiting payment' : 'passive';
		if (link.paid) linkState = 'paid';
		const payable = linkState === 'awaiting payment';
		const page = `<!doctype html><meta charset="utf-8"><title>Paynet sandbox PayLink</title>
<h1>Paynet sandbox PayLink</h1>${notice}
<p>${escapeHtml(link.name_surname)}: ${escapeHtml(link.amount)} ${escapeHtml(link.currency ?? 'TRY')}, reference ${escapeHtml(link.reference_no ?? '')}, ${linkState}.</p>
<p>${escapeHtml(link.note ?? '')}</p>
${payable ? `<form method="post" action="/paylink/${escapeHtml(link.id)}/pay"><button>Pay with a sandbox card</button></form>` : ''}`;
		return send(response, 200, page, 'text/html; charset=utf-8');
	}

	const server = http.createServer((request, response) => {
		const chunks = [];
		let size = 0;
		request.on('data', (chunk) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) request.destroy();
			else chunks.push(chunk);
		});
		request.on('end', () => {
			const rawBody = Buffer.concat(chunks).toString('utf8');
			const pathname = new URL(request.url, 'http://127.0.0.1').pathname;
			let handler = handleApi;
			if (pathname.startsWith(CONTROL_PREFIX)) handler = handleControl;
			else if (pathname.startsWith('/paylink/')) handler = handlePayLinkPage;
			handler(request, response, pathname, rawBody).catch((error) => {
				if (!response.headersSent) {
					sendError(response, 500, 'api_error', `${MESSAGES.serverError}: ${error.message}`, 8);
				}
			});
		});
	});

	const sandbox = {
		url: undefined,
		port: undefined,
		secretKey: secretKeys[0],
		get requests() {
			return state.requests;
		},
		get payLinks() {
			return state.payLinks;
		},
		get transactions() {
			return state.transactions;
		},
		get confirmations() {
			return state.confirmations;
		},
		/** Requests received on one path, in order. */
		requestsTo(pathname) {
			return state.requests.filter((record) => record.path === pathname);
		},
		/**
		 * Adds a fault for the next matching requests: { path?, times?, latencyMs?, httpStatus?,
		 * malformedBody?, resultCode?, message? }. Without `times` it stays until cleared.
		 * For the PayLink list, `alwaysHasMore` returns has_more: true on every page, and
		 * `repeatFirstPage` also ignores starting_after, as a server with broken paging would.
		 */
		addFault(fault) {
			state.faults.push({ ...fault });
		},
		clearFaults() {
			state.faults = [];
		},
		clearRequests() {
			state.requests = [];
		},
		reset,
		pay,
		async start() {
			await new Promise((resolve, reject) => {
				server.once('error', reject);
				server.listen(options.port ?? 0, '127.0.0.1', resolve);
			});
			sandbox.port = server.address().port;
			sandbox.url = `http://127.0.0.1:${sandbox.port}`;
			return sandbox;
		},
		async stop() {
			server.closeAllConnections?.();
			await new Promise((resolve) => server.close(() => resolve()));
		},
	};

	reset();
	return sandbox;
}

module.exports = {
	createSandbox,
	SANDBOX_SECRET_KEY,
	SANDBOX_PUBLISHABLE_KEY,
	today,
};
