// Packages the Teams app: manifest.json with the council's values filled in, and the two icons,
// zipped as Teams wants them (files at the top level). Upload the zip in the Teams admin centre
// (Manage apps > Upload new app) or, for a trial, in Teams (Apps > Manage your apps > Upload an app).
//
//   node deploy/teams/package.mjs --bot-id <app id> --portal-url https://send.example.gov.uk/ \
//        --council "Example City Council" [--version 1.0.0] [--out selfservice-teams.zip]
//
// --bot-id is the Azure Bot's Microsoft App ID (the deployment's botAppId); it is also the Teams
// app's own id, which keeps one id per council.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { zip } from './png.mjs';

const here = dirname(fileURLToPath(import.meta.url));

function fail(message) {
  console.error(`package.mjs: ${message}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      'bot-id': { type: 'string' },
      'portal-url': { type: 'string' },
      council: { type: 'string' },
      version: { type: 'string', default: '1.0.0' },
      out: { type: 'string', default: 'selfservice-teams.zip' },
    },
  }));
} catch (error) {
  fail(error.message);
}

const botId = values['bot-id'] ?? fail('--bot-id is required: the Azure Bot\'s Microsoft App ID');
if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(botId)) {
  fail(`--bot-id "${botId}" is not a GUID (the App ID looks like 00000000-0000-0000-0000-000000000000)`);
}

let portal;
try {
  portal = new URL(values['portal-url'] ?? fail('--portal-url is required: the portal\'s public address'));
} catch {
  fail(`--portal-url "${values['portal-url']}" is not an absolute address`);
}
if (portal.protocol !== 'https:' || portal.search || portal.hash) {
  fail(`--portal-url "${values['portal-url']}" must be an https:// address without a query`);
}
const portalUrl = portal.href.endsWith('/') ? portal.href : `${portal.href}/`;

const council = (values.council ?? fail('--council is required: the council\'s name')).trim();
if (council.length === 0 || council.length > 32) {
  fail('--council must be 1 to 32 characters (Teams shows it as the developer name)');
}
if (!/^\d+\.\d+\.\d+$/.test(values.version)) {
  fail(`--version "${values.version}" must be three numbers, e.g. 1.0.0 (raise it for every upload)`);
}

const replacements = {
  '{{BOT_ID}}': botId.toLowerCase(),
  '{{PORTAL_URL}}': portalUrl,
  '{{PORTAL_HOST}}': portal.host,
  '{{COUNCIL_NAME}}': council,
};

// Substitute inside the parsed strings, so a council name with quotes stays valid JSON.
const manifest = JSON.parse(readFileSync(join(here, 'manifest.json'), 'utf8'), (_, value) =>
  typeof value === 'string'
    ? Object.entries(replacements).reduce((text, [token, replacement]) => text.split(token).join(replacement), value)
    : value);
manifest.version = values.version;
const text = JSON.stringify(manifest, null, 2);
const left = text.match(/\{\{[A-Z_]+\}\}/);
if (left) fail(`manifest.json has a placeholder this script does not fill: ${left[0]}`);

const out = resolve(values.out);
writeFileSync(out, zip([
  ['manifest.json', Buffer.from(text, 'utf8')],
  ['color.png', readFileSync(join(here, 'color.png'))],
  ['outline.png', readFileSync(join(here, 'outline.png'))],
]));
console.log(`${out}: Teams app ${manifest.id} version ${manifest.version} for ${portal.host}`);
