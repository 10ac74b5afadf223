// Each Revision's recent activity as the server keeps it (GET /apis/serving.kumo.dev/v1alpha1/activity): requests
// per second over the last three minutes and its cold starts with their split, read again every few seconds.

import { get } from './api.js';

const ACTIVITY = '/apis/serving.kumo.dev/v1alpha1/activity';
const POLL_MS = 2000;

const activity = new Map();

/** The last activity read of `namespace/revision`, when the server has any. */
export function activityOf(namespace, revision) {
  return activity.get(`${namespace}/${revision}`);
}

/** Reads the activity every POLL_MS, telling `onRead()` after each read and `onState(error | null)` how it went. */
export function followActivity(onRead, onState) {
  const read = async () => {
    try {
      const document = await get(ACTIVITY);
      activity.clear();
      (document.items ?? []).forEach((item) => activity.set(`${item.namespace}/${item.revision}`, item));
      onState(null);
      onRead();
    } catch (error) {
      onState(error);
    }
  };
  read();
  setInterval(read, POLL_MS);
}
