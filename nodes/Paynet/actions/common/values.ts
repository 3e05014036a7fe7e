// Readers that turn one item's parameter values, typed or mapped from expressions, into the JSON
// types Paynet expects. Each one throws a NodeOperationError naming the item and the fix, so the
// router can reject bad input before any request goes out.
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { itemLabel } from '../../transport';

function invalid(
	context: IExecuteFunctions,
	itemIndex: number,
	message: string,
	description: string,
): NodeOperationError {
	return new NodeOperationError(context.getNode(), `${message}${itemLabel(itemIndex)}`, { itemIndex, description });
}

function show(value: unknown): string {
	return JSON.stringify(value) ?? String(value);
}

/** Reads a single-line text field, trimmed. Numbers from expressions become text, and an empty field gives ''. */
export function readText(this: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const raw = this.getNodeParameter(name, itemIndex, '') as unknown;
	if (raw === null || raw === undefined) return '';
	if (typeof raw === 'string') return raw.trim();
	if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
	throw invalid(this, itemIndex, `The ${label} is ${show(raw)}, which is not text`, `Enter the ${label} as text, or fix the expression so that it gives text.`);
}

/** Reads a free-text field such as a note exactly as given, so every character reaches Paynet unchanged. */
export function readNote(this: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const raw = this.getNodeParameter(name, itemIndex, '') as unknown;
	if (raw === null || raw === undefined) return '';
	if (typeof raw === 'string') return raw;
	if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
	throw invalid(this, itemIndex, `The ${label} is ${show(raw)}, which is not text`, `Enter the ${label} as text, or fix the expression so that it gives text.`);
}

/** Reads a text field that must not be empty. */
export function readRequiredText(this: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const value = readText.call(this, name, label, itemIndex);
	if (value === '') {
		throw invalid(this, itemIndex, `The ${label} is empty`, `Enter the ${label}, or map it from an earlier node with an expression that gives text for every item.`);
	}
	return value;
}

const TRUE_WORDS = ['true', '1'];
const FALSE_WORDS = ['false', '0', ''];

/** Reads a switch that an expression may give as true/false, "true"/"false" or 1/0, as a JSON boolean. */
export function readBoolean(
	this: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
	fallback = false,
): boolean {
	const raw = this.getNodeParameter(name, itemIndex, fallback) as unknown;
	if (typeof raw === 'boolean') return raw;
	const word = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim().toLowerCase() : undefined;
	if (word !== undefined && TRUE_WORDS.includes(word)) return true;
	if (word !== undefined && FALSE_WORDS.includes(word)) return false;
	throw invalid(this, itemIndex, `The ${label} value ${show(raw)} is not true or false`, `Turn ${label} on or off, or use an expression that gives true or false.`);
}

/** Reads a whole number of at least `minimum`; numeric text from expressions is accepted. */
export function readInteger(
	this: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
	minimum: number,
): number {
	const raw = this.getNodeParameter(name, itemIndex) as unknown;
	const text = typeof raw === 'string' ? raw.trim() : raw;
	const value = typeof text === 'string' && /^-?\d+$/.test(text) ? Number(text) : text;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum) {
		throw invalid(this, itemIndex, `The ${label} ${show(raw)} is not valid`, `Enter a whole number of at least ${minimum}.`);
	}
	return value;
}

/** The result of reading an amount: the number to send, or why the input was rejected. */
export type AmountReading = { amount: number } | { problem: string };

// An amount with a dot decimal and at most two decimals: 150, 150.5, 150.50.
const DOT_DECIMAL = /^\d+(\.\d{1,2})?$/;
// A comma followed by one or two digits can only be a decimal comma, never a thousands separator,
// because thousands groups have three digits: "150,50" is 150.50.
const COMMA_DECIMAL = /^\d+,\d{1,2}$/;

/**
 * Reads an amount given as a number or as text. A dot decimal is read as is, and a lone decimal
 * comma such as "150,50" is read as 150.50. Anything that could be misread is rejected instead of
 * guessed: thousands separators ("1.250,50", "1,250"), three or more decimals, signs and currency text.
 */
export function parseAmount(raw: unknown): AmountReading {
	let amount: number;
	if (typeof raw === 'number') {
		if (!Number.isFinite(raw)) return { problem: 'is not a number' };
		// Allows for binary rounding such as 0.1 + 0.2, but not for a real third decimal.
		if (Math.abs(raw * 100 - Math.round(raw * 100)) > 1e-6) return { problem: 'has more than two decimals' };
		amount = Math.round(raw * 100) / 100;
	} else if (typeof raw === 'string') {
		const text = raw.trim();
		if (DOT_DECIMAL.test(text)) amount = Number(text);
		else if (COMMA_DECIMAL.test(text)) amount = Number(text.replace(',', '.'));
		else if (text === '') return { problem: 'is empty' };
		else if (/^\d+[.,]\d{3,}$/.test(text) || /\d[.,]\d{3}[.,]/.test(text)) {
			return { problem: 'has a thousands separator or more than two decimals' };
		} else return { problem: 'is not a plain number' };
	} else {
		return { problem: 'is not a number' };
	}

	if (amount <= 0) return { problem: 'is not more than 0' };
	return { amount };
}

/** Reads the amount of an item as a JSON number; see parseAmount for the accepted forms. */
export function readAmount(this: IExecuteFunctions, name: string, itemIndex: number): number {
	const raw = this.getNodeParameter(name, itemIndex) as unknown;
	const reading = parseAmount(raw);
	if ('problem' in reading) {
		throw invalid(
			this,
			itemIndex,
			`The amount ${show(raw)} ${reading.problem}`,
			'Give the amount in Turkish lira as a number with at most two decimals, such as 150.50. Text like "150,50" with a decimal comma is accepted too; remove thousands separators and currency signs, for example with {{ String($json.amount).includes(",") ? String($json.amount).replaceAll(".", "").replace(",", ".") : $json.amount }}, which turns "1.250,50" into 1250.50 and leaves 349.90 as it is.',
		);
	}
	return reading.amount;
}

/**
 * Reads an amount from a Paynet response or callback, which may be a number or text with a dot or
 * a comma decimal ("20,50"). Returns undefined when the value is not an amount.
 */
export function readPaynetAmount(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string') return undefined;
	let text = value.trim();
	if (text.includes(',')) text = text.replace(/\./g, '').replace(',', '.');
	return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
}

/** Reads an optional web address; empty gives ''. Anything but an http or https URL is rejected. */
export function readUrl(this: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const value = readText.call(this, name, label, itemIndex);
	if (value === '') return '';
	let protocol = '';
	try {
		protocol = new URL(value).protocol;
	} catch {
		protocol = '';
	}
	if (protocol !== 'http:' && protocol !== 'https:') {
		throw invalid(this, itemIndex, `The ${label} "${value}" is not a valid web address`, `Enter a full address that starts with https://, or leave the ${label} empty.`);
	}
	return value;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/;
const TURKISH_DATE = /^(\d{2})\.(\d{2})\.(\d{4})$/;

function isCalendarDate(year: number, month: number, day: number): boolean {
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function formatDate(year: number, month: number, day: number): string {
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Reads a day as the YYYY-MM-DD text Paynet's list filters take. Text keeps the day it names (the
 * date part of an ISO date-time, or DD.MM.YYYY); a date object is read in the workflow's time zone.
 */
export function readDay(this: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const raw = this.getNodeParameter(name, itemIndex, '') as unknown;
	let parts: [number, number, number] | undefined;

	if (typeof raw === 'string') {
		const text = raw.trim();
		const iso = ISO_DATE.exec(text);
		const turkish = TURKISH_DATE.exec(text);
		if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
		else if (turkish) parts = [Number(turkish[3]), Number(turkish[2]), Number(turkish[1])];
	} else if (raw instanceof Date && !Number.isNaN(raw.getTime())) {
		// en-CA formats as YYYY-MM-DD.
		const text = new Intl.DateTimeFormat('en-CA', { timeZone: this.getTimezone() }).format(raw);
		const iso = ISO_DATE.exec(text);
		if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
	} else if (typeof raw === 'object' && raw !== null && typeof (raw as { toISODate?: unknown }).toISODate === 'function') {
		// A Luxon DateTime, as expressions such as {{ $today }} give, already carries its time zone.
		const text = (raw as { toISODate(): string | null }).toISODate() ?? '';
		const iso = ISO_DATE.exec(text);
		if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
	}

	if (!parts || !isCalendarDate(...parts)) {
		const received = raw === '' || raw === undefined || raw === null ? 'empty' : `${show(raw)}, which is not a date`;
		throw invalid(this, itemIndex, `The ${label} is ${received}`, `Pick a date, or use an expression that gives a date such as 2026-11-02 or 02.11.2026, or {{ $today }}.`);
	}
	return formatDate(...parts);
}
