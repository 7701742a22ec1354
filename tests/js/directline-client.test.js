// Drives our Direct Line 3.0 channel with Microsoft's own client library, botframework-directlinejs
// (the version Web Chat 4.18.1 bundles), over WebSocket and over polling. Run by
// tests/SelfService.Web.Tests/DirectLine/OfficialClientTests.cs, which starts the app and passes:
//   DL_DOMAIN            e.g. http://127.0.0.1:5123/v3/directline
//   DL_TOKEN_WS, DL_TOKEN_POLL, DL_TOKEN_OTHER   tokens from tokens/generate, each for its own user
//   DL_USER_WS, DL_USER_POLL                      the user ids those tokens were generated for
//   DL_TOKEN_EXPIRED     a correctly signed token whose lifetime is over
// Prints one line per check and a closing "N passed, N failed"; exits non-zero on any failure.
'use strict';

const assert = require('node:assert/strict');
const WebSocket = require('ws');
const { ajax } = require('./directline-node');

// The library only uses WebSockets when the global exists (browsers have it; Node 20 does not).
global.WebSocket = WebSocket;
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

const domain = required('DL_DOMAIN');
const TIMEOUT_MS = 30000;

// Keeps every socket the client opens, so a check can cut one as a network failure would.
const sockets = [];
class TrackedWebSocket extends WebSocket {
  constructor(url) {
    super(url);
    sockets.push(this);
  }
}

function client(token, webSocket) {
  return new DirectLine({
    token,
    domain,
    webSocket,
    pollingInterval: 200,
    WebSocket: TrackedWebSocket,
    ajax,
    // Reconnect after the library's shortest delay (3 s) rather than up to 15 s.
    random: () => 0,
  });
}

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

function post(dl, activity) {
  return new Promise((resolve, reject) => dl.postActivity(activity).subscribe(resolve, reject));
}

async function waitFor(description, condition) {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > TIMEOUT_MS) throw new Error(`timed out waiting for ${description}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function http(method, path, token, body) {
  const res = await fetch(path.startsWith('http') ? path : domain + path, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = text; }
  return { status: res.status, body: json };
}

function wsStatus(url, headers) {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('unexpected-response', (_req, res) => { resolve(res.statusCode); ws.terminate(); });
    ws.on('open', () => { resolve(101); ws.close(); });
    ws.on('error', () => resolve(0));
  });
}

// Asserts the Web Chat contract for one sent message: the echo (server id, same
// clientActivityID, the token's user, a timestamp) arrives before the bot's reply to it.
async function sendAndExpectEchoThenReply(dl, seen, text, userId) {
  const clientActivityID = `client-${Math.random().toString(36).slice(2)}`;
  const id = await post(dl, {
    type: 'message',
    text,
    from: { id: 'somebody-else', name: 'Impostor' },
    channelData: { clientActivityID },
  });
  assert.equal(typeof id, 'string');
  await waitFor(`the reply to "${text}"`, () => seen.some((a) => a.replyToId === id && a.type === 'message'));
  const echoIndex = seen.findIndex((a) => a.id === id);
  const replyIndex = seen.findIndex((a) => a.replyToId === id && a.type === 'message');
  assert.ok(echoIndex >= 0, 'the echo arrived');
  assert.ok(echoIndex < replyIndex, 'the echo arrived before the reply');
  const echo = seen[echoIndex];
  assert.equal(echo.channelData.clientActivityID, clientActivityID);
  assert.equal(echo.from.id, userId, 'from.id is the token user, not what the client sent');
  assert.match(echo.timestamp, /Z$/);
  assert.equal(seen[replyIndex].text, `echo: ${text}`);
  assert.match(seen[replyIndex].timestamp, /Z$/);
  return id;
}

const checks = [];
function check(name, run) { checks.push({ name, run }); }

const state = {};

check('WebSocket: start, send, receive the echo and then the reply; typing arrives; no conversationUpdate', async () => {
  const dl = client(required('DL_TOKEN_WS'), true);
  const seen = [];
  dl.activity$.subscribe((a) => seen.push(a), () => {});
  await waitFor('online', () => dl.connectionStatus$.getValue() === ConnectionStatus.Online);
  await sendAndExpectEchoThenReply(dl, seen, 'hello over the stream', required('DL_USER_WS'));
  // The bot heard the conversation start (membersAdded) and welcomed the user by the token's name.
  assert.ok(seen.some((a) => a.text === 'welcome: Helen'), 'the welcome sent at conversation start was replayed');
  const typingId = await post(dl, { type: 'message', text: 'typing', from: { id: required('DL_USER_WS') } });
  await waitFor('"done typing"', () => seen.some((a) => a.replyToId === typingId && a.text === 'done typing'));
  assert.ok(seen.some((a) => a.type === 'typing'), 'typing came over the WebSocket');
  assert.ok(!seen.some((a) => a.type === 'conversationUpdate'));
  Object.assign(state, { dl, seen });
});

check('WebSocket: a dropped socket reconnects with the watermark, without loss or duplicates', async () => {
  const { dl, seen } = state;
  const before = sockets.length;
  sockets[sockets.length - 1].terminate();
  // Sent while the stream is down: the client posts over HTTP, and must get it all on reconnect.
  const id = await sendAndExpectEchoThenReply(dl, seen, 'sent while the stream was down', required('DL_USER_WS'));
  assert.ok(sockets.length > before, 'a new socket was opened');
  const stored = seen.filter((a) => a.type !== 'typing');
  const ids = stored.map((a) => a.id);
  assert.equal(new Set(ids).size, ids.length, `no duplicates: ${ids.join(', ')}`);
  const transcript = await http('GET', `/conversations/${dl.conversationId}/activities?watermark=`, dl.token);
  assert.equal(transcript.status, 200);
  assert.deepEqual(ids, transcript.body.activities.map((a) => a.id), 'what the stream delivered is the whole transcript, in order');
  assert.ok(ids.includes(id));
});

check('WebSocket: a file sent as an attachment is uploaded, echoed with an address on the server, and served', async () => {
  const { dl, seen } = state;
  const content = 'Notes for the annual review.';
  const id = await post(dl, {
    type: 'message',
    from: { id: required('DL_USER_WS') },
    attachments: [{ contentType: 'text/plain', contentUrl: `data:text/plain;base64,${Buffer.from(content).toString('base64')}`, name: 'notes.txt' }],
    channelData: { clientActivityID: 'upload-1' },
  });
  await waitFor('the reply to the upload', () => seen.some((a) => a.replyToId === id && a.type === 'message'));
  const echo = seen.find((a) => a.id === id);
  assert.equal(echo.attachments[0].name, 'notes.txt');
  assert.ok(echo.attachments[0].contentUrl.startsWith(domain), echo.attachments[0].contentUrl);
  const file = await fetch(echo.attachments[0].contentUrl);
  assert.equal(file.status, 200);
  assert.equal(await file.text(), content);
});

check('WebSocket: the client refreshes its token, and the new one works', async () => {
  const { dl } = state;
  const token = await new Promise((resolve, reject) => dl.refreshToken().subscribe(resolve, reject));
  assert.equal(typeof token, 'string');
  assert.notEqual(token, dl.token);
  const read = await http('GET', `/conversations/${dl.conversationId}/activities`, token);
  assert.equal(read.status, 200);
  state.conversationId = dl.conversationId;
  dl.end();
});

check('Polling: start, send, receive the echo and then the reply; no typing', async () => {
  const dl = client(required('DL_TOKEN_POLL'), false);
  const seen = [];
  dl.activity$.subscribe((a) => seen.push(a), () => {});
  await waitFor('online', () => dl.connectionStatus$.getValue() === ConnectionStatus.Online);
  await sendAndExpectEchoThenReply(dl, seen, 'hello by polling', required('DL_USER_POLL'));
  await sendAndExpectEchoThenReply(dl, seen, 'and again', required('DL_USER_POLL'));
  // The bot sends typing then "done typing"; typing is for open streams only, never in a poll.
  const typingId = await post(dl, { type: 'message', text: 'typing', from: { id: required('DL_USER_POLL') } });
  await waitFor('"done typing"', () => seen.some((a) => a.replyToId === typingId && a.text === 'done typing'));
  assert.ok(!seen.some((a) => a.type === 'typing' || a.type === 'conversationUpdate'));
  const ids = seen.map((a) => a.id);
  assert.equal(new Set(ids).size, ids.length, 'polling never repeats an activity');
  dl.end();
});

check('An expired token is refused with 403 (refresh and conversation start)', async () => {
  const expired = required('DL_TOKEN_EXPIRED');
  const refreshed = await http('POST', '/tokens/refresh', expired);
  assert.equal(refreshed.status, 403);
  assert.equal(refreshed.body.error.code, 'TokenExpired');
  const dl = client(expired, true);
  dl.activity$.subscribe(() => {}, () => {});
  await waitFor('the client to give up', () => [ConnectionStatus.FailedToConnect, ConnectionStatus.ExpiredToken].includes(dl.connectionStatus$.getValue()));
  dl.end();
});

check("Another user's token can neither read, post, reconnect nor stream", async () => {
  const other = required('DL_TOKEN_OTHER');
  const victim = state.conversationId;
  assert.equal((await http('GET', `/conversations/${victim}/activities?watermark=`, other)).status, 403);
  assert.equal((await http('POST', `/conversations/${victim}/activities`, other, { type: 'message', text: 'x' })).status, 403);
  assert.equal((await http('GET', `/conversations/${victim}?watermark=`, other)).status, 403);
  const streamUrl = `${domain.replace(/^http/, 'ws')}/conversations/${victim}/stream`;
  assert.equal(await wsStatus(streamUrl, { Authorization: `Bearer ${other}` }), 403);
  // And the official client, pointed at the other conversation, gets nothing from it.
  const dl = new DirectLine({ token: other, domain, conversationId: victim, webSocket: false, ajax, pollingInterval: 200 });
  const seen = [];
  dl.activity$.subscribe((a) => seen.push(a), () => {});
  await waitFor('the client to be refused', () => [ConnectionStatus.FailedToConnect, ConnectionStatus.ExpiredToken, ConnectionStatus.Ended].includes(dl.connectionStatus$.getValue()));
  assert.equal(seen.length, 0);
  dl.end();
});

(async () => {
  let passed = 0;
  let failed = 0;
  for (const { name, run } of checks) {
    try {
      await run();
      passed++;
      console.log(`ok - ${name}`);
    } catch (error) {
      failed++;
      console.log(`not ok - ${name}\n  ${(error && error.stack) || error}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
})();
