'use strict';
// Run with: node --test
const test = require('node:test');
const assert = require('node:assert');
const { handle } = require('./index.js');

test('echoes the body', () => {
  const reply = handle({ method: 'POST', path: '/', query: '', headers: {}, body: 'hi' });
  assert.strictEqual(reply.status, 200);
  assert.strictEqual(reply.body, 'hi');
});

test('greets without a body', () => {
  const reply = handle({ method: 'GET', path: '/', query: '', headers: {}, body: '' });
  assert.strictEqual(reply.body, 'Hello, world!\n');
});
