// The Kubernetes API as the page reads it, with its session cookie: lists (objects or the server's Tables) and
// watches (one JSON event per line), followed again after a watch ends or fails.

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

async function watch(path, resourceVersion, onEvent) {
  const query = `watch=1&allowWatchBookmarks=true&resourceVersion=${encodeURIComponent(resourceVersion)}`;
  const response = await fetch(`${path}${path.includes('?') ? '&' : '?'}${query}`);
  if (response.status === 401) {
    throw new SignedOut('signed out');
  }
  if (!response.ok) {
    throw new Error(`watch ${path}: ${response.status}`);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value;
    for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
      const line = buffer.slice(0, end).trim();
      buffer = buffer.slice(end + 1);
      if (line) {
        const event = JSON.parse(line);
        if (event.type === 'ERROR') {
          throw new Error(event.object.message); // 410 Expired and the like: list again
        }
        if (event.type !== 'BOOKMARK') {
          onEvent(event.type, event.object);
        }
      }
    }
  }
}
