// Reads a small comma-separated sheet with a header row; quoted fields may hold commas and "" quotes.
'use strict';

function parseLine(line) {
	const fields = [];
	let field = '';
	let quoted = false;
	for (let index = 0; index < line.length; index++) {
		const char = line[index];
		if (quoted && char === '"' && line[index + 1] === '"') {
			field += '"';
			index++;
		} else if (char === '"') {
			quoted = !quoted;
		} else if (char === ',' && !quoted) {
			fields.push(field);
			field = '';
		} else {
			field += char;
		}
	}
	fields.push(field);
	return fields;
}

/** Returns one object per data row, keyed by the header row's column names. */
function readCsv(text) {
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.trim() !== '');
	const [header, ...rows] = lines.map(parseLine);
	return rows.map((fields) => Object.fromEntries(header.map((name, index) => [name.trim(), (fields[index] ?? '').trim()])));
}

module.exports = { readCsv };
