// The Traces view: the recent traces the server keeps (root span, start, duration, span count), newest first, and
// the chosen one as a waterfall — a row per span nested under its parent, its bar offset by its start and as wide
// as its duration, with its name and duration as text.

import { get } from './api.js';
import { el } from './charts.js';

const LIST_EVERY_MS = 3000;
const LISTED = 30;

function duration(micros) {
  return micros >= 1000 ? `${(micros / 1000).toFixed(micros >= 100000 ? 0 : 1)} ms` : `${micros} µs`;
}

/** An RFC 3339 time with up to nanoseconds, as microseconds since the epoch (Date keeps milliseconds only). */
export function micros(time) {
  const fraction = /\.(\d+)/.exec(time)?.[1] ?? '';
  return Math.floor(Date.parse(time) / 1000) * 1_000_000 + Number(fraction.padEnd(6, '0').slice(0, 6));
}

/** The spans depth first, each after its parent and its siblings by start; a span whose parent is not kept is a root. */
export function nested(spans) {
  const ids = new Set(spans.map((s) => s.spanId));
  const children = new Map();
  spans.forEach((span) => {
    const parent = span.parentSpanId && ids.has(span.parentSpanId) ? span.parentSpanId : '';
    children.set(parent, [...(children.get(parent) ?? []), span]);
  });
  const ordered = [];
  const visit = (parent, depth) => (children.get(parent) ?? [])
    .sort((a, b) => micros(a.start) - micros(b.start)).forEach((span) => {
      ordered.push({ span, depth });
      visit(span.spanId, depth + 1);
    });
  visit('', 0);
  return ordered;
}

/** A trace as a waterfall. */
export function waterfall(trace) {
  const rows = nested(trace.spans ?? []);
  if (!rows.length) {
    return el('p', 'empty', `Trace ${trace.traceId} keeps no spans.`);
  }
  const start = Math.min(...rows.map((r) => micros(r.span.start)));
  const end = Math.max(...rows.map((r) => micros(r.span.start) + r.span.durationMicros));
  const total = Math.max(1, end - start);
  const box = el('div', 'waterfall');
  box.dataset.trace = trace.traceId;
  box.append(el('h3', '', `Trace ${trace.traceId} · ${duration(end - start)} · ${rows.length} spans`));
  rows.forEach(({ span, depth }) => {
    const offset = (micros(span.start) - start) / total;
    const width = span.durationMicros / total;
    const row = el('div', `span${span.status === 'ERROR' ? ' error' : ''}`);
    row.dataset.span = span.name;
    row.dataset.depth = String(depth);
    row.dataset.offset = offset.toFixed(4);
    row.dataset.width = width.toFixed(4);
    const name = el('span', 'name', span.name);
    name.style.paddingLeft = `${depth * 0.9}rem`;
    name.title = Object.entries(span.attributes ?? {}).map(([k, v]) => `${k}=${v}`).join('\n');
    const lane = el('span', 'lane');
    const bar = el('span', 'bar');
    bar.style.left = `${(offset * 100).toFixed(2)}%`;
    bar.style.width = `${Math.max(0.3, width * 100).toFixed(2)}%`;
    lane.append(bar);
    row.append(name, lane, el('span', 'took', duration(span.durationMicros)));
    box.append(row);
  });
  return box;
}

function listRow(summary, open) {
  const row = el('li', 'trace');
  row.dataset.trace = summary.traceId;
  row.dataset.root = summary.rootSpan;
  row.dataset.spans = String(summary.spanCount);
  const button = el('button', 'open', summary.rootSpan || '(root not kept)');
  button.type = 'button';
  button.addEventListener('click', () => open(summary.traceId));
  row.append(button, el('time', '', new Date(summary.start).toLocaleTimeString([], { hour12: false })),
    el('span', 'took', duration(summary.durationMicros)), el('span', 'count', `${summary.spanCount} spans`));
  return row;
}

/** Lists the recent traces into `list` every few seconds; a click draws one into `detail`. */
export function startTraces(list, detail, report) {
  const open = async (id) => {
    try {
      detail.replaceChildren(waterfall(await get(`/debug/traces/${encodeURIComponent(id)}`)));
    } catch (error) {
      detail.replaceChildren(el('p', 'empty', `trace ${id}: ${error.message}`));
    }
  };
  const refresh = async () => {
    try {
      const items = (await get('/debug/traces')).items ?? [];
      list.replaceChildren(...(items.length ? items.slice(0, LISTED).map((s) => listRow(s, open))
        : [el('li', 'empty', 'No traces yet.')]));
      report('traces')(null);
    } catch (error) {
      const off = / 404 /.test(error.message); // the server keeps no traces: tracing is off
      list.replaceChildren(el('li', 'empty', off ? 'Tracing is off (kumo server --trace-sampling 0).' : ''));
      report('traces')(off ? null : error);
    }
  };
  refresh();
  setInterval(refresh, LIST_EVERY_MS);
}
