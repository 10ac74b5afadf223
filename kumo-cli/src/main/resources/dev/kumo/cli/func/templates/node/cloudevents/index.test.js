'use strict';
// Run with: node --test
const test = require('node:test');
const assert = require('node:assert');
const { handle } = require('./index.js');

test('answers with a response event carrying the data', () => {
  const reply = handle({ specversion: '1.0', id: '1', source: '/test', type: 'dev.example.ping',
    datacontenttype: 'application/json', data: { message: 'hi' } });
  assert.strictEqual(reply.type, 'dev.kumo.func.response');
  assert.deepStrictEqual(reply.data, { message: 'hi' });
});
