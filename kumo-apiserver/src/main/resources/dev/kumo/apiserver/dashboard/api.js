// The Kubernetes API as the page reads it, with its session cookie: lists (objects or the server's Tables) and
// watches (over WebSockets, one JSON event per message), followed again after a watch ends or fails.

const TABLE = 'application/json;as=Table;g=meta.k8s.io;v=v1';

/** The session is gone (expired, signed out, or the server restarted): only a new login link helps. */
export class SignedOut extends Error {}

/** GETs `path` as JSON, or as a meta.k8s.io Table with `table`. */
export async function get(path, { table = false } = {}) {
  const response = await fetch(path, { headers: { Accept: table ? TABLE : 'application/json' } });
  if (response.status === 401) {
    throw new SignedOut('signed out');
  }
  if (!response.ok) {
    throw new Error(`${path}: ${response.status} ${(await response.text()).slice(0, 200)}`);
  }
  return response.json();
}

/**
 * Keeps `onChange(items)` told of the objects under `path` (a list, then its watch), until the returned function
 * is called. `onState(error | null)` hears whether the follow is live.
 */
export function follow(path, onChange, onState) {
  const items = new Map();
  let stopped = false;
  const key = (o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
  (async () => {
    while (!stopped) {
      try {
        const list = await get(path);
        items.clear();
        list.items.forEach((item) => items.set(key(item), item));
        onChange([...items.values()]);
        onState(null);
        await watch(path, list.metadata.resourceVersion, (type, object) => {
          if (type === 'DELETED') {
            items.delete(key(object));
          } else {
            items.set(key(object), object);
          }
          onChange([...items.values()]);
        });
      } catch (error) {
        onState(error);
        if (error instanceof SignedOut) {
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
    }
  })();
  return () => { stopped = true; };
}

/**
 * Watches `path` from `resourceVersion` over a WebSocket (the API's watch, one JSON event per message), until the
 * server ends it (resolves) or it fails (rejects). A WebSocket, not a streamed fetch: a browser opens at most six
 * HTTP/1.1 connections to a server, and each open watch would hold one, leaving none for the page's other reads (a
 * log follow, the activity read) — WebSockets are not counted against that limit.
 */
function watch(path, resourceVersion, onEvent) {
  const query = `watch=1&allowWatchBookmarks=true&resourceVersion=${encodeURIComponent(resourceVersion)}`;
  const url = new URL(`${path}${path.includes('?') ? '&' : '?'}${query}`, location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    let opened = false;
    let failed = null;
    socket.onopen = () => { opened = true; };
    socket.onmessage = (message) => {
      if (failed) {
        return;
      }
      try {
        const event = JSON.parse(message.data);
        if (event.type === 'ERROR') {
          failed = new Error(event.object.message); // 410 Expired and the like: list again
          socket.close();
        } else if (event.type !== 'BOOKMARK') {
          onEvent(event.type, event.object);
        }
      } catch (error) {
        failed = error;
        socket.close();
      }
    };
    socket.onclose = () => {
      if (failed || !opened) {
        reject(failed ?? new Error(`watch ${path}: the WebSocket was refused`));
      } else {
        resolve();
      }
    };
  });
}
