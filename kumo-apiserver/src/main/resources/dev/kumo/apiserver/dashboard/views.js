// What the page shows of the objects: a card per Service, the server's Tables, the recent Kubernetes Events.
// Text goes in through textContent only, so nothing an object carries is read as markup.

import { colour, el, instanceChart, splitBar } from './charts.js';
import { activityCells } from './serving-views.js';

const SERVICE_LABEL = 'serving.knative.dev/service';
const REVISIONS_SHOWN = 4;

function condition(object, type) {
  return (object.status?.conditions ?? []).find((c) => c.type === type);
}

function readyBadge(object) {
  const ready = condition(object, 'Ready');
  const state = ready?.status === 'True' ? 'ready' : ready?.status === 'False' ? 'failed' : 'pending';
  const badge = el('span', `badge ${state}`, state === 'ready' ? 'Ready' : ready?.reason ?? 'Unknown');
  badge.dataset.ready = ready?.status ?? 'Unknown';
  return badge;
}

/** A Service's card: URL, Ready, traffic split, and its newest Revisions' instances over time. */
export function serviceCard(service, revisions, history, minSpanMs) {
  const { name, namespace } = service.metadata;
  const card = el('article', 'card');
  card.dataset.service = `${namespace}/${name}`;
  const head = el('div', 'head');
  head.append(el('h3', '', name), el('span', 'namespace', namespace), readyBadge(service));
  card.append(head);
  const url = service.status?.url;
  if (url && /^https?:\/\//.test(url)) {
    const link = el('a', 'url', url);
    link.href = url;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    card.append(link);
  }
  const ready = condition(service, 'Ready');
  if (ready?.status === 'False' && ready.message) {
    card.append(el('p', 'message', ready.message));
  }
  const names = ownRevisions(service, revisions).reverse().map((r) => r.metadata.name);
  card.append(el('h4', '', 'Traffic'), splitBar(service.status?.traffic ?? [], names));
  card.append(el('h4', '', 'Instances'), revisionList(service, revisions, history, minSpanMs));
  return card;
}

function ownRevisions(service, revisions) {
  const { name, namespace } = service.metadata;
  return revisions.filter((r) => r.metadata.namespace === namespace && r.metadata.labels?.[SERVICE_LABEL] === name)
    .sort((a, b) => b.metadata.name.localeCompare(a.metadata.name));
}

/** The newest Revisions of a Service, each with its instance count and chart; redrawn alone as time passes. */
export function revisionList(service, revisions, history, minSpanMs) {
  const own = ownRevisions(service, revisions);
  const names = [...own].reverse().map((r) => r.metadata.name);
  const list = el('div', 'revisions');
  own.slice(0, REVISIONS_SHOWN).forEach((revision) => {
    const samples = history.get(`${service.metadata.namespace}/${revision.metadata.name}`) ?? [];
    const current = revision.status?.actualReplicas ?? 0;
    const row = el('div', 'revision');
    row.dataset.revision = revision.metadata.name;
    row.dataset.instances = String(current);
    row.dataset.peak = String(Math.max(current, ...samples.map((s) => s.n)));
    const label = el('div', 'label');
    label.append(el('span', 'name', revision.metadata.name), el('span', 'count',
      `${current} instance${current === 1 ? '' : 's'}`));
    row.append(label, instanceChart(samples, minSpanMs, colour(names, revision.metadata.name)));
    row.append(activityCells(service.metadata.namespace, revision.metadata.name,
      colour(names, revision.metadata.name)));
    list.append(row);
  });
  return list;
}

/** A meta.k8s.io Table as an HTML table: the columns kubectl shows by default (priority 0). */
export function serverTable(table, emptyText) {
  if (!table.rows?.length) {
    return el('p', 'empty', emptyText);
  }
  const shown = table.columnDefinitions.map((c, i) => [c, i]).filter(([c]) => !c.priority);
  const result = el('table', 'resources');
  const head = el('tr');
  shown.forEach(([c]) => head.append(el('th', '', c.name.toUpperCase())));
  result.append(head);
  table.rows.forEach((row) => {
    const line = el('tr');
    line.dataset.name = row.object?.metadata?.name ?? '';
    shown.forEach(([, i]) => line.append(el('td', '', String(row.cells[i] ?? ''))));
    result.append(line);
  });
  return result;
}

function when(event) {
  return event.lastTimestamp ?? event.eventTime ?? event.firstTimestamp ?? event.metadata.creationTimestamp ?? '';
}

/** The newest `count` Events, newest first: time, type, reason, object and message. */
export function eventItems(events, count) {
  return [...events].sort((a, b) => when(b).localeCompare(when(a))).slice(0, count).map((event) => {
    const item = el('li', event.type === 'Warning' ? 'warning' : '');
    const object = event.involvedObject ?? {};
    item.append(el('time', '', new Date(when(event)).toLocaleTimeString([], { hour12: false })),
      el('span', 'reason', event.reason ?? ''),
      el('span', 'object', `${(object.kind ?? '').toLowerCase()}/${object.name ?? ''}`),
      el('span', 'text', `${event.message ?? ''}${event.count > 1 ? ` (×${event.count})` : ''}`));
    return item;
  });
}
