// The dashboard: follows Services, Revisions, Brokers, Triggers and Events through the API's watches and redraws.

import { SignedOut, follow, get } from './api.js';
import { el } from './charts.js';
import { eventItems, revisionList, serverTable, serviceCard } from './views.js';
import { startServingViews } from './serving-views.js';
import { startFlows } from './flows.js';
import { startTraces } from './traces.js';

const SPAN_MS = 3 * 60 * 1000;
const MIN_SPAN_MS = 30 * 1000;
const SAMPLE_MS = 1000;
const EVENTS_SHOWN = 25;

const state = { services: [], revisions: [], events: [], history: new Map(), errors: new Map() };
let drawing = false;

/** Redraws the cards and the events on the next frame (once however many changes arrived before it). */
function redraw() {
  if (drawing) {
    return;
  }
  drawing = true;
  requestAnimationFrame(() => {
    drawing = false;
    const cards = [...state.services].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))
      .map((s) => serviceCard(s, state.revisions, state.history, MIN_SPAN_MS));
    document.getElementById('services').replaceChildren(...(cards.length ? cards
      : [el('p', 'empty', 'No Services yet: kumo service create NAME …')]));
    document.getElementById('events').replaceChildren(...eventItems(state.events, EVENTS_SHOWN));
  });
}

/** Redraws only the charts, as time passes: the rest of a card (its link) stays put under the pointer. */
function redrawCharts() {
  state.services.forEach((service) => {
    const key = `${service.metadata.namespace}/${service.metadata.name}`;
    const card = [...document.querySelectorAll('[data-service]')].find((c) => c.dataset.service === key);
    card?.querySelector('.revisions')?.replaceWith(revisionList(service, state.revisions, state.history,
      MIN_SPAN_MS));
  });
}

function report(source) {
  return (error) => {
    if (error) {
      state.errors.set(source, error);
    } else {
      state.errors.delete(source);
    }
    const status = document.getElementById('status');
    const signedOut = [...state.errors.values()].some((e) => e instanceof SignedOut);
    status.className = `status ${state.errors.size ? 'down' : 'live'}`;
    status.textContent = signedOut ? 'signed out: run kumo dashboard for a new login link'
      : state.errors.size ? `reconnecting (${[...state.errors.values()][0].message})` : 'live';
  };
}

/** Samples each Revision's instance count once a second, keeping the last SPAN_MS. */
function sample() {
  const now = Date.now();
  const seen = new Set();
  state.revisions.forEach((revision) => {
    const key = `${revision.metadata.namespace}/${revision.metadata.name}`;
    seen.add(key);
    const samples = state.history.get(key) ?? [];
    samples.push({ t: now, n: revision.status?.actualReplicas ?? 0 });
    while (samples.length && samples[0].t < now - SPAN_MS) {
      samples.shift();
    }
    state.history.set(key, samples);
  });
  [...state.history.keys()].filter((k) => !seen.has(k)).forEach((k) => state.history.delete(k));
  redrawCharts();
}

/** Follows `path` and shows the server's Table of it in `target`, fetched again after each change. */
function followTable(path, target, emptyText) {
  let pending = false;
  follow(path, () => {
    if (pending) {
      return;
    }
    pending = true;
    setTimeout(async () => {
      pending = false;
      try {
        document.getElementById(target).replaceChildren(serverTable(await get(path, { table: true }), emptyText));
      } catch (error) {
        report(target)(error);
      }
    }, 100);
  }, report(target));
}

follow('/apis/serving.knative.dev/v1/services', (items) => { state.services = items; redraw(); },
  report('services'));
follow('/apis/serving.knative.dev/v1/revisions', (items) => { state.revisions = items; sample(); redraw(); },
  report('revisions'));
follow('/api/v1/events', (items) => { state.events = items; redraw(); }, report('events'));
followTable('/apis/eventing.knative.dev/v1/brokers', 'brokers', 'No Brokers.');
followTable('/apis/eventing.knative.dev/v1/triggers', 'triggers', 'No Triggers.');
setInterval(sample, SAMPLE_MS);
startServingViews(() => state.revisions, report);
startFlows(document.getElementById('flows'), report);
startTraces(document.getElementById('trace-list'), document.getElementById('trace-detail'), report);

document.getElementById('logout').addEventListener('click', async () => {
  await fetch('/ui/logout', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  document.body.replaceChildren(el('p', 'signed-out', 'Signed out. Run kumo dashboard for a new login link.'));
});
