// Checks a Teams app manifest against Microsoft's JSON schema for its manifestVersion, as bundled in
// @microsoft/app-manifest (the Teams Toolkit's manifest library), so no network is needed.
//   node teams-manifest.test.js <manifest.json>
// Prints "N passed, N failed" and exits non-zero on a failure.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const AjvDraft04 = require('ajv-draft-04');
const addFormats = require('ajv-formats');

const file = process.argv[2];
if (!file) {
  console.error('usage: node teams-manifest.test.js <manifest.json>');
  process.exit(2);
}

const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
const schemas = path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
const results = [];

function check(name, fn) {
  try {
    fn();
    results.push([name, null]);
  } catch (error) {
    results.push([name, error.message]);
  }
}

const schemaFile = path.join(schemas, `v${manifest.manifestVersion}`, 'MicrosoftTeams.schema.json');
check('the manifest version has a published schema', () => {
  if (!fs.existsSync(schemaFile)) throw new Error(`no schema for manifestVersion ${manifest.manifestVersion}`);
  if (!manifest.$schema.endsWith(`/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`)) {
    throw new Error(`$schema ${manifest.$schema} is not the schema of version ${manifest.manifestVersion}`);
  }
});

check('the manifest is valid against that schema', () => {
  const ajv = new AjvDraft04({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
  if (!validate(manifest)) {
    throw new Error(validate.errors.map(e => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`).join('\n'));
  }
});

check('it is the newest schema the library knows', () => {
  const versions = fs.readdirSync(schemas).filter(v => /^v\d+\.\d+$/.test(v)).map(v => v.slice(1));
  const newest = versions.sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1])).pop();
  if (manifest.manifestVersion !== newest) throw new Error(`manifestVersion ${manifest.manifestVersion}, newest ${newest}`);
});

for (const [name, error] of results) console.log(error ? `not ok - ${name}\n${error}` : `ok - ${name}`);
const failed = results.filter(([, error]) => error).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
