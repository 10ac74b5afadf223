// The Eventing view: reads Brokers, Triggers, Channels, Subscriptions, Sequences, Parallels, sources and the
// delivery counts every few seconds, and draws each flow as a graph. Lists, not watches: a browser opens at most six
// HTTP/1.1 connections to the API (which speaks no HTTP/2) and the page's own watches hold five of them, so eleven
// more watches would leave no connection for any other request.

import { get } from './api.js';
import { el } from './charts.js';
import { deliveryCounts, flows } from './flowgraphs.js';
import { drawGraph } from './graph.js';

const COUNTS_PATH = '/debug/deliveries';
const READ_EVERY_MS = 2000;
const RATE_WINDOW_MS = 20 * 1000;
const LISTS = {
  brokers: { Broker: '/apis/eventing.knative.dev/v1/brokers' },
  triggers: { Trigger: '/apis/eventing.knative.dev/v1/triggers' },
  channels: { Channel: '/apis/messaging.knative.dev/v1/channels',
    InMemoryChannel: '/apis/messaging.knative.dev/v1/inmemorychannels' },
  subscriptions: { Subscription: '/apis/messaging.knative.dev/v1/subscriptions' },
  sequences: { Sequence: '/apis/flows.knative.dev/v1/sequences' },
  parallels: { Parallel: '/apis/flows.knative.dev/v1/parallels' },
  sources: { PingSource: '/apis/sources.knative.dev/v1/pingsources',
    ApiServerSource: '/apis/sources.knative.dev/v1/apiserversources',
    ContainerSource: '/apis/sources.knative.dev/v1/containersources',
    SinkBinding: '/apis/sources.knative.dev/v1/sinkbindings' },
};

/** Draws the flows into `target` from now on; `report(source)` is how the page hears whether the reads work. */
export function startFlows(target, report) {
  const samples = [];
  const state = Object.fromEntries(Object.keys(LISTS).map((k) => [k, []]));
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

  const read = async () => {
    try {
      for (const [part, kinds] of Object.entries(LISTS)) {
        const items = [];
        for (const [kind, path] of Object.entries(kinds)) {
          // A list's items may leave out their kind (as Kubernetes' do).
          items.push(...((await get(path)).items ?? []).map((item) => ({ ...item, kind })));
        }
        state[part] = items;
      }
      const now = Date.now();
      samples.push({ t: now, items: (await get(COUNTS_PATH)).items ?? [] });
      while (samples.length > 2 && samples[0].t < now - RATE_WINDOW_MS) {
        samples.shift();
      }
      report('flows')(null);
      redraw();
    } catch (error) {
      report('flows')(error);
    }
  };
  (async () => {
    for (;;) {
      await read();
      await new Promise((resolve) => setTimeout(resolve, READ_EVERY_MS));
    }
  })();
}
