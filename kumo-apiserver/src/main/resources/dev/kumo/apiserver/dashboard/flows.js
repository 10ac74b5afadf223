// The Eventing view: follows Brokers, Triggers, Channels, Subscriptions, Sequences, Parallels and sources through
// the API's watches, reads the delivery counts every few seconds, and draws each flow as a graph.

import { follow, get } from './api.js';
import { el } from './charts.js';
import { deliveryCounts, flows } from './flowgraphs.js';
import { drawGraph } from './graph.js';

const COUNTS_PATH = '/debug/deliveries';
const COUNTS_EVERY_MS = 2000;
const RATE_WINDOW_MS = 20 * 1000;
const FOLLOWED = {
  brokers: ['/apis/eventing.knative.dev/v1/brokers'],
  triggers: ['/apis/eventing.knative.dev/v1/triggers'],
  channels: ['/apis/messaging.knative.dev/v1/channels', '/apis/messaging.knative.dev/v1/inmemorychannels'],
  subscriptions: ['/apis/messaging.knative.dev/v1/subscriptions'],
  sequences: ['/apis/flows.knative.dev/v1/sequences'],
  parallels: ['/apis/flows.knative.dev/v1/parallels'],
  sources: ['/apis/sources.knative.dev/v1/pingsources', '/apis/sources.knative.dev/v1/apiserversources',
    '/apis/sources.knative.dev/v1/containersources', '/apis/sources.knative.dev/v1/sinkbindings'],
};

/** Draws the flows into `target` from now on; `report(source)` is how the page hears of a follow's state. */
export function startFlows(target, report) {
  const parts = new Map();
  const samples = [];
  const state = Object.fromEntries(Object.keys(FOLLOWED).map((k) => [k, []]));
  let drawing = false;

  const redraw = () => {
    if (drawing) {
      return;
    }
    drawing = true;
    requestAnimationFrame(() => {
      drawing = false;
      const drawn = flows(state, deliveryCounts(samples)).map((flow) => {
        const card = el('article', 'card flow');
        card.dataset.flow = flow.key;
        const scroll = el('div', 'flow-scroll');
        scroll.append(drawGraph(flow.nodes, flow.edges));
        card.append(el('h3', '', flow.title), scroll);
        return card;
      });
      target.replaceChildren(...(drawn.length ? drawn
        : [el('p', 'empty', 'No Brokers, Channels, Sequences or Parallels yet: kumo broker create NAME …')]));
    });
  };

  Object.entries(FOLLOWED).forEach(([kind, paths]) => paths.forEach((path) => {
    follow(path, (items) => {
      parts.set(path, items);
      state[kind] = paths.flatMap((p) => parts.get(p) ?? []);
      redraw();
    }, report(`flows ${path}`));
  }));

  const poll = async () => {
    try {
      const now = Date.now();
      samples.push({ t: now, items: (await get(COUNTS_PATH)).items ?? [] });
      while (samples.length > 2 && samples[0].t < now - RATE_WINDOW_MS) {
        samples.shift();
      }
      report('delivery counts')(null);
      redraw();
    } catch (error) {
      report('delivery counts')(error);
    }
  };
  poll();
  setInterval(poll, COUNTS_EVERY_MS);
}
