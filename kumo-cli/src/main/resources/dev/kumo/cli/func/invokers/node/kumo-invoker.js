// Kumo's invoker for a Node function: serves handle() of ./index.js on $PORT with node:http only.
//
// Usage: node kumo-invoker.js http|cloudevents NAME
// An http function gets {method, path, query, headers, body} and returns a string or {status, headers, body}.
// A cloudevents function gets the event's attributes and data (binary or structured mode in) and returns an event
// object, or nothing for no reply; the reply goes out in binary mode. handle() may be async.
'use strict';
const http = require('node:http');
const crypto = require('node:crypto');
const { handle } = require('./index.js');

const TEMPLATE = process.argv[2] || 'http';
const NAME = process.argv[3] || 'function';

function dataIn(contentType, body) {
  if (body.length === 0) return undefined;
  if (contentType.includes('json')) return JSON.parse(body.toString('utf8'));
  if (contentType === '' || contentType.startsWith('text/')) return body.toString('utf8');
  return body;
}

function eventIn(headers, body) {
  const contentType = headers['content-type'] || '';
  if (contentType.startsWith('application/cloudevents+json')) {
    const event = JSON.parse(body.toString('utf8') || '{}');
    if (event.data_base64 !== undefined) {
      event.data = Buffer.from(event.data_base64, 'base64');
      delete event.data_base64;
    }
    return event;
  }
  const event = {};
  for (const [key, value] of Object.entries(headers)) {
    if (key.startsWith('ce-')) event[key.slice(3)] = value;
  }
  if (contentType) event.datacontenttype = contentType;
  event.data = dataIn(contentType, body);
  return event;
}

function eventOut(reply) {
  const event = { specversion: '1.0', id: crypto.randomUUID(), source: '/kumo/func/' + NAME, ...reply };
  let { data, datacontenttype } = event;
  delete event.data;
  delete event.datacontenttype;
  let body = Buffer.alloc(0);
  if (typeof data === 'string') {
    body = Buffer.from(data);
    datacontenttype = datacontenttype || 'text/plain';
  } else if (Buffer.isBuffer(data)) {
    body = data;
  } else if (data !== undefined && data !== null) {
    body = Buffer.from(JSON.stringify(data));
    datacontenttype = datacontenttype || 'application/json';
  }
  const headers = {};
  for (const [key, value] of Object.entries(event)) headers['ce-' + key] = String(value);
  if (datacontenttype) headers['content-type'] = datacontenttype;
  return { status: 200, headers, body };
}

function httpOut(result) {
  const reply = typeof result === 'object' && result !== null && !Buffer.isBuffer(result)
    ? result : { body: result };
  let headers = { ...(reply.headers || {}) };
  let body = reply.body === undefined || reply.body === null ? '' : reply.body;
  if (typeof body === 'object' && !Buffer.isBuffer(body)) {
    body = JSON.stringify(body);
    headers = { 'content-type': 'application/json', ...headers };
  }
  if (typeof body === 'string') {
    headers = { 'content-type': 'text/plain; charset=utf-8', ...headers };
    body = Buffer.from(body);
  }
  return { status: reply.status || 200, headers, body };
}

async function answer(req, body) {
  if (TEMPLATE === 'cloudevents') {
    const reply = await handle(eventIn(req.headers, body));
    return reply === undefined || reply === null ? { status: 202, headers: {}, body: Buffer.alloc(0) }
      : eventOut(reply);
  }
  const url = new URL(req.url, 'http://localhost');
  return httpOut(await handle({ method: req.method, path: url.pathname, query: url.search.slice(1),
    headers: req.headers, body: body.toString('utf8') }));
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', async () => {
    let out;
    try {
      out = await answer(req, Buffer.concat(chunks));
    } catch (e) {
      console.error(e);
      out = { status: 500, headers: { 'content-type': 'text/plain' }, body: Buffer.from('function failed\n') };
    }
    res.writeHead(out.status, { ...out.headers, 'content-length': out.body.length });
    res.end(out.body);
  });
});
const port = Number(process.env.PORT || 8080);
server.listen(port, process.env.KUMO_LISTEN_HOST || '127.0.0.1', () => console.log(`${NAME} (${TEMPLATE}) listening on ${port}`));
