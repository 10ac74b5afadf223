'use strict';
// An HTTP function: Kumo's invoker calls handle() with each request and sends back what it returns.

/**
 * Echoes the request body, or greets the world when there is none.
 * @param request {method, path, query, headers, body (text)}
 * @returns a string (200, text/plain) or {status, headers, body}; may be a Promise
 */
function handle(request) {
  const body = request.body || 'Hello, world!\n';
  const contentType = (request.headers || {})['content-type'] || 'text/plain';
  return { status: 200, headers: { 'content-type': contentType }, body };
}

module.exports = { handle };
