// A Web Chat conversation through nginx in front of several app instances, with Microsoft's own
// Direct Line client (the one Web Chat bundles). Run by deploy/test-loopback.sh, which passes:
//   DL_DOMAIN    e.g. https://localhost:8443/v3/directline (nginx)
//   DL_SECRET    the Direct Line secret, to generate a token as the portal's server would
//   DL_KILL      a shell command that kills one instance (SIGKILL); run once, part way through
//   DL_MESSAGES  how many messages to send (default 24)
// Every message must get the bot's reply, in order, with no activity lost or repeated, although
// nginx spreads the requests over the instances and one of them dies mid-conversation (the client
// then reconnects its WebSocket with its watermark). Exits non-zero on any failure.
'use strict';

const assert = require('node:assert/strict');
const { execSync } = require('node:child_process');
const WebSocket = require('ws');

global.WebSocket = WebSocket;
const { DirectLine } = require('botframework-directlinejs');
const { ajax } = require('./directline-node');

const domain = required('DL_DOMAIN');
const secret = required('DL_SECRET');
const kill = required('DL_KILL');
const messages = Number(process.env.DL_MESSAGES || 24);
const TIMEOUT_MS = 60000;

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function waitFor(description, condition) {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > TIMEOUT_MS) throw new Error(`timed out waiting for ${description}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function post(dl, activity) {
  return new Promise((resolve, reject) => dl.postActivity(activity).subscribe(resolve, reject));
}

async function main() {
  const generated = await fetch(`${domain}/tokens/generate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: { id: `loopback-${Date.now()}` } }),
  });
  const body = await generated.text();
  assert.equal(generated.status, 200, `tokens/generate through nginx: ${body}`);
  const { token } = JSON.parse(body);

  const dl = new DirectLine({ token, domain, webSocket: true, ajax, random: () => 0 });
  const seen = [];
  dl.activity$.subscribe((a) => seen.push(a));

  const killAt = Math.floor(messages / 3);
  const replies = [];
  for (let i = 1; i <= messages; i++) {
    if (i === killAt) {
      execSync(kill, { stdio: 'inherit', shell: '/bin/bash' });
      console.log(`killed an instance before message ${i}`);
    }
    const text = i % 2 ? 'what is an EHC plan?' : 'who can ask for an assessment?';
    const id = await post(dl, { type: 'message', from: { id: 'ignored' }, text });
    await waitFor(`the reply to message ${i}`, () => seen.some((a) => a.replyToId === id && a.type === 'message'));
    replies.push(id);
  }

  const ids = seen.filter((a) => a.id).map((a) => a.id);
  assert.equal(new Set(ids).size, ids.length, 'no activity arrived twice');
  const sequences = ids.map((id) => Number(id.split('|')[1]));
  assert.deepEqual(sequences, [...sequences].sort((a, b) => a - b), 'activities arrived in order');
  for (const id of replies) {
    assert.ok(seen.some((a) => a.id === id), `the echo of ${id} arrived`);
  }
  dl.end();
  console.log(`${messages} messages, ${seen.length} activities, every reply received, none twice, in order`);
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
