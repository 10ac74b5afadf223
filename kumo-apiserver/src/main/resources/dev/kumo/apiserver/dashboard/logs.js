// The logs tail: pick a Revision and follow its instances' output (GET …/revisions/NAME/log?follow=true), including
// instances that start later; lines go in as text (textContent), the last LINES_KEPT kept.

const SERVICE_LABEL = 'serving.knative.dev/service';
const TAIL_LINES = 100;
const LINES_KEPT = 500;

let following = null;
let choices = '';

function revisionKey(revision) {
  return `${revision.metadata.namespace}/${revision.metadata.name}`;
}

/** Offers `revisions` in the picker (newest first per Service), keeping the one picked. */
export function offerRevisions(revisions) {
  const sorted = [...revisions].sort((a, b) => revisionKey(b).localeCompare(revisionKey(a)));
  const next = sorted.map(revisionKey).join(',');
  if (next === choices) {
    return;
  }
  choices = next;
  const picker = document.getElementById('log-revision');
  const picked = picker.value;
  const options = sorted.map((revision) => {
    const option = document.createElement('option');
    option.value = revisionKey(revision);
    const service = revision.metadata.labels?.[SERVICE_LABEL];
    option.textContent = `${revision.metadata.namespace} / ${service ?? '-'} / ${revision.metadata.name}`;
    return option;
  });
  const none = document.createElement('option');
  none.value = '';
  none.textContent = sorted.length ? 'pick a Revision…' : 'no Revisions yet';
  picker.replaceChildren(none, ...options);
  picker.value = sorted.some((r) => revisionKey(r) === picked) ? picked : '';
}

function show(lines, text, classes = 'line') {
  const line = document.createElement('div');
  line.className = classes;
  line.textContent = text;
  lines.append(line);
  while (lines.childElementCount > LINES_KEPT) {
    lines.firstElementChild.remove();
  }
  lines.scrollTop = lines.scrollHeight;
}

/** Follows `key` (namespace/revision) until another is picked. */
async function followLog(key) {
  following?.abort();
  const lines = document.getElementById('log-lines');
  lines.replaceChildren();
  if (!key) {
    return;
  }
  const controller = new AbortController();
  following = controller;
  const [namespace, name] = key.split('/');
  const path = `/apis/serving.knative.dev/v1/namespaces/${encodeURIComponent(namespace)}/revisions/`
    + `${encodeURIComponent(name)}/log?follow=true&tailLines=${TAIL_LINES}`;
  lines.dataset.following = key;
  try {
    const response = await fetch(path, { signal: controller.signal });
    if (!response.ok) {
      show(lines, `${response.status}: ${(await response.text()).slice(0, 300)}`, 'line problem');
      return;
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        show(lines, '(the log ended)', 'line problem');
        return;
      }
      buffer += value;
      for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
        show(lines, buffer.slice(0, end));
        buffer = buffer.slice(end + 1);
      }
    }
  } catch (error) {
    if (!controller.signal.aborted) {
      show(lines, `the log failed: ${error.message}`, 'line problem');
    }
  }
}

/** Wires the picker: a change follows the Revision picked. */
export function startLogs() {
  const picker = document.getElementById('log-revision');
  picker.addEventListener('change', () => followLog(picker.value));
}
