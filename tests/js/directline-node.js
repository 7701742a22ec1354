// What botframework-directlinejs needs to run in Node rather than a browser, shared by the
// scripts in this folder.
'use strict';

const { Observable } = require('rxjs/Observable');

// The library's HTTP goes through rxjs's XMLHttpRequest-based ajax, which Node lacks; it accepts
// an ajax service in its options, so this one does the same over fetch.
function ajax(request) {
  return Observable.create((subscriber) => {
    const controller = new AbortController();
    const headers = { ...(request.headers || {}) };
    let body = request.body;
    if (body instanceof FormData) {
      delete headers['Content-Type'];
    } else if (body !== undefined && typeof body !== 'string') {
      body = JSON.stringify(body);
    }
    const timer = request.timeout ? setTimeout(() => controller.abort(), request.timeout) : null;
    fetch(request.url, { method: request.method || 'GET', headers, body, signal: controller.signal })
      .then(async (res) => {
        let response;
        if (request.responseType === 'arraybuffer') {
          response = await res.arrayBuffer();
        } else {
          const text = await res.text();
          try { response = text ? JSON.parse(text) : null; } catch { response = text; }
        }
        const result = { status: res.status, response, xhr: { getResponseHeader: (name) => res.headers.get(name) } };
        if (res.ok) {
          subscriber.next(result);
          subscriber.complete();
        } else {
          subscriber.error(Object.assign(new Error(`HTTP ${res.status}`), result));
        }
      }, (error) => subscriber.error(Object.assign(new Error(String(error)), { status: 0 })))
      .finally(() => timer && clearTimeout(timer));
    return () => controller.abort();
  });
}

module.exports = { ajax };
