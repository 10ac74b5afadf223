'use strict';
// A CloudEvents function: Kumo's invoker calls handle() with each event and sends back the event it returns.

/**
 * Answers each event with a dev.kumo.func.response event carrying the same data.
 * @param event the CloudEvent's attributes (specversion, id, source, type, ...) and its data
 * @returns an event (id, source and specversion are filled in when missing), or nothing for no reply
 */
function handle(event) {
  return { type: 'dev.kumo.func.response', datacontenttype: event.datacontenttype || 'application/json',
    data: event.data };
}

module.exports = { handle };
