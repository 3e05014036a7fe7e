'use strict';
// Headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core, for looking at
// a running test instance (see instance.js) the way a person would.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const CHROMIUM = process.env.PAYNET_E2E_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

function loadPlaywright() {
	try {
		return require(require.resolve('playwright-core', { paths: [path.resolve(__dirname, '..', '..'), __dirname] }));
	} catch {
		throw new Error('playwright-core is not installed: run `npm install` in the repo (it is a devDependency)');
	}
}

const isLoopbackUrl = (u) => {
	try {
		const { protocol, hostname } = new URL(u);
		if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
		return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
	} catch {
		return false;
	}
};

class EditorSession {
	constructor(context, page, userDataDir, baseUrl) {
		this.context = context;
		this.page = page;
		this.userDataDir = userDataDir;
		this.baseUrl = baseUrl;
		this.blockedRequests = []; // URLs the page tried to load from hosts other than loopback
		this.consoleErrors = [];
	}

	// Log in through the sign-in form (works for 1.x and 2.x).
	async login({ email, password }) {
		const { page } = this;
		await page.goto(`${this.baseUrl}/signin`, { waitUntil: 'domcontentloaded' });
		const emailInput = page.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]').first();
		await emailInput.waitFor({ state: 'visible', timeout: 60000 });
		await emailInput.fill(email);
		await page.locator('input[type="password"]').first().fill(password);
		await Promise.all([
			page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 60000 }),
			page.locator('input[type="password"]').first().press('Enter'),
		]);
	}

	// Open the editor for a workflow and wait until its canvas shows nodes.
	async openWorkflow(workflowId) {
		const { page } = this;
		await page.goto(`${this.baseUrl}/workflow/${encodeURIComponent(workflowId)}`, { waitUntil: 'domcontentloaded' });
		await page.locator('[data-test-id="canvas-node"]').first().waitFor({ state: 'visible', timeout: 60000 });
		await this.dismissPopups();
	}

	// Close banners, tours and dialogs that could cover the canvas.
	async dismissPopups() {
		const { page } = this;
		await page.keyboard.press('Escape').catch(() => {});
		for (const sel of ['[data-test-id="banner-close"]', '.el-message-box__close', '.el-notification__closeBtn']) {
			const items = page.locator(sel);
			const n = await items.count().catch(() => 0);
			for (let i = 0; i < n; i++) await items.nth(i).click({ timeout: 2000 }).catch(() => {});
		}
	}

	nodeLocator(nodeName) {
		// both the 1.x and the 2.x canvas tag a node with data-test-id and data-node-name
		return this.page.locator(`[data-test-id="canvas-node"][data-node-name=${JSON.stringify(nodeName)}]`).first();
	}

	// Double-click a node on the canvas and wait for its parameter panel (NDV).
	async openNode(nodeName) {
		const node = this.nodeLocator(nodeName);
		await node.waitFor({ state: 'visible', timeout: 30000 });
		await node.dblclick();
		await this.panel().waitFor({ state: 'visible', timeout: 30000 });
		// let the parameter inputs render and settle
		await this.page.locator('[data-test-id="ndv"] [data-test-id="parameter-input"], [data-test-id="ndv"] .parameter-item').first()
			.waitFor({ state: 'visible', timeout: 15000 })
			.catch(() => {});
		await this.page.waitForTimeout(500);
	}

	panel() {
		return this.page.locator('[data-test-id="ndv"]').first();
	}

	// What the open node panel shows: { title, labels: [parameter labels], text }.
	async readNodePanel() {
		const panel = this.panel();
		return await panel.evaluate((root) => {
			const visible = (el) => {
				const r = el.getBoundingClientRect();
				const s = window.getComputedStyle(el);
				return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
			};
			const clean = (t) => (t || '').replace(/\s+/g, ' ').trim();
			const labelEls = root.querySelectorAll('label.n8n-input-label, [data-test-id="input-label"] label, .parameter-item label');
			const labels = [];
			for (const el of labelEls) {
				if (!visible(el)) continue;
				// 1.x draws the Fixed/Expression switch with <label>s of its own, so skip those
				if (el.closest('[data-test-id="parameter-options-container"], [data-test-id$="-options-container"]')) continue;
				// 2.x puts the Fixed/Expression switch and option menus inside the label, so drop them
				const copy = el.cloneNode(true);
				for (const extra of copy.querySelectorAll('[data-test-id$="options-container"], [data-test-id="action-toggle"], button')) {
					extra.remove();
				}
				const t = clean(copy.textContent);
				if (t && !labels.includes(t)) labels.push(t);
			}
			const titleEl = root.querySelector(
				'[data-test-id="node-title-container"], [data-test-id="inline-edit-preview"], .node-name, [data-test-id="node-title"]',
			);
			return { title: clean(titleEl && titleEl.innerText), labels, text: clean(root.innerText).slice(0, 4000) };
		});
	}

	// The parameter's input in the open node panel, by the parameter's internal name.
	parameterInput(name) {
		return this.panel().locator(`[data-test-id="parameter-input-${name}"]`).first();
	}

	// Whether a parameter of the open node panel shows an expression rather than a fixed value.
	async isExpression(name) {
		const input = this.parameterInput(name);
		return (await input.locator('[data-test-id="inline-expression-editor-input"]').count()) > 0;
	}

	// Set a parameter back to its default with the "Reset Value" entry of its action menu (the
	// "..." next to the label). An options parameter that holds an expression shows its dropdown
	// again afterwards. Clicking "Fixed" does not do that in 2.40.7 when the expression cannot be
	// evaluated without input data, so the reset is the reliable way in both versions.
	async resetParameter(name) {
		const { page } = this;
		const options = this.panel().locator(`[data-test-id="${name}-parameter-input-options-container"]`).first();
		await this.panel().locator(`label[for="${name}"]`).first().hover();
		// 2.x: a <button> inside the toggle; 1.x: an element-plus dropdown trigger with role=button
		await options.locator('[data-test-id="action-toggle"] button, [data-test-id="action-toggle"] [role="button"]').first().click();
		const item = page
			.locator('[data-test-id="action-resetValue"]:visible, .el-dropdown-menu__item:visible, [role="menuitem"]:visible')
			.filter({ hasText: /^\s*Reset Value\s*$/ })
			.first();
		await item.click({ timeout: 10000 });
		await this.parameterInput(name).locator('input.el-input__inner, input[role="combobox"]').first()
			.waitFor({ state: 'visible', timeout: 10000 });
	}

	// Open the dropdown of an options parameter and return the option names it lists.
	// The dropdown stays open, so a screenshot taken next shows it.
	async openOptions(name) {
		const { page } = this;
		await this.parameterInput(name).locator('input.el-input__inner, input[role="combobox"]').first().click();
		const items = page.locator('.el-select-dropdown__item:visible, [data-test-id="parameter-input-item"]:visible');
		await items.first().waitFor({ state: 'visible', timeout: 10000 });
		await page.waitForTimeout(300); // let the popper finish its opening transition
		return await items.evaluateAll((els) => {
			const names = [];
			for (const el of els) {
				const headline = el.querySelector('.option-headline');
				const text = (headline ? headline.textContent : el.textContent || '').replace(/\s+/g, ' ').trim();
				if (text && !names.includes(text)) names.push(text);
			}
			return names;
		});
	}

	// The images in the open node panel and in the canvas node: [{ src, loaded }] for each, where
	// loaded means the browser decoded the image. n8n serves a package's file: icons under
	// /icons/<package name>/<path in the package>. The 1.x panel also shows the input node's icon.
	async nodeImages(nodeName) {
		const list = (root) =>
			root.locator('img').evaluateAll((els) =>
				els.map((el) => ({ src: el.getAttribute('src'), loaded: el.complete && el.naturalWidth > 0 })),
			);
		return { panel: await list(this.panel()), canvas: await list(this.nodeLocator(nodeName)) };
	}

	// Fetch a URL of the instance from inside the page (with its session), for example an icon.
	async fetchText(urlPath) {
		return await this.page.evaluate(async (u) => {
			const res = await fetch(u, { credentials: 'include' });
			return { status: res.status, contentType: res.headers.get('content-type'), text: await res.text() };
		}, urlPath);
	}

	// Save a screenshot of the open node panel (or the whole page with fullPage: true).
	async screenshotNodePanel(file, { fullPage = false } = {}) {
		fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
		if (fullPage) await this.page.screenshot({ path: file, fullPage: true });
		else await this.panel().screenshot({ path: file });
		return file;
	}

	async screenshotPage(file) {
		fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
		await this.page.screenshot({ path: file });
		return file;
	}

	async close() {
		await this.context.close().catch(() => {});
		fs.rmSync(this.userDataDir, { recursive: true, force: true });
	}
}

// Make sure Chromium is there before a test needs it. Debian's package is installed with
// apt-get when this process runs as root; otherwise the error says which command to run.
// Returns the path of the browser.
function ensureChromium({ log = (line) => process.stderr.write(`${line}\n`) } = {}) {
	if (fs.existsSync(CHROMIUM)) return CHROMIUM;
	const howTo = 'install it with `sudo apt-get update && sudo apt-get install -y chromium`, or set PAYNET_E2E_CHROMIUM to a Chromium binary';
	if (process.env.PAYNET_E2E_CHROMIUM) {
		throw new Error(`PAYNET_E2E_CHROMIUM is ${CHROMIUM}, which does not exist: ${howTo}`);
	}
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!isRoot) throw new Error(`${CHROMIUM} is missing and this process is not root, so it cannot run apt-get: ${howTo}`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	try {
		log(`${CHROMIUM} is missing: running apt-get update and apt-get install -y chromium ...`);
		execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
		execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
	} catch (err) {
		throw new Error(`apt-get could not install chromium (${err.message}): ${howTo}`);
	}
	if (!fs.existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium, but ${CHROMIUM} still does not exist: ${howTo}`);
	return CHROMIUM;
}

// Launch Chromium with a fresh profile for an instance's baseUrl. Every request to a host
// other than loopback is aborted (and listed in session.blockedRequests).
async function openEditor(baseUrl, { viewport = { width: 1440, height: 900 }, timeoutMs = 60000 } = {}) {
	if (!fs.existsSync(CHROMIUM)) {
		throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium)`);
	}
	const { chromium } = loadPlaywright();
	const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'paynet-e2e-chromium-'));
	let context;
	try {
		context = await chromium.launchPersistentContext(userDataDir, {
			executablePath: CHROMIUM,
			headless: true,
			args: CHROMIUM_ARGS,
			viewport,
			locale: 'en-US',
			timezoneId: 'UTC',
			timeout: timeoutMs,
		});
	} catch (err) {
		fs.rmSync(userDataDir, { recursive: true, force: true });
		throw err;
	}
	context.setDefaultTimeout(timeoutMs);
	const page = context.pages()[0] || (await context.newPage());
	const session = new EditorSession(context, page, userDataDir, baseUrl);
	await context.route('**/*', (route) => {
		const url = route.request().url();
		if (isLoopbackUrl(url)) return route.continue();
		session.blockedRequests.push(url);
		return route.abort('blockedbyclient');
	});
	page.on('console', (msg) => {
		if (msg.type() === 'error') session.consoleErrors.push(msg.text());
	});
	return session;
}

// All in one: log in as the instance's owner, open a workflow, open one node, screenshot
// its panel to `file`. Resolves { file, title, labels, text, blockedRequests }.
async function screenshotNode(instance, { workflowId, nodeName, file, fullPage = false }) {
	const session = await openEditor(instance.baseUrl);
	try {
		await session.login(instance.owner);
		await session.openWorkflow(workflowId);
		await session.openNode(nodeName);
		const panelInfo = await session.readNodePanel();
		await session.screenshotNodePanel(file, { fullPage });
		return { file, ...panelInfo, blockedRequests: session.blockedRequests };
	} catch (err) {
		const failShot = file.replace(/\.png$/, '') + '-failure.png';
		await session.screenshotPage(failShot).catch(() => {});
		err.message += ` (page screenshot: ${failShot})`;
		throw err;
	} finally {
		await session.close();
	}
}

module.exports = { openEditor, screenshotNode, ensureChromium, EditorSession, CHROMIUM, CHROMIUM_ARGS };
