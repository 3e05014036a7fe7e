// n8n loads this package through the "n8n" block of package.json; this file only satisfies `main`.
module.exports = {};
