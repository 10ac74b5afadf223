// What a Revision row of a Service card shows beside its instances: the request rate over time (a chart, the current
// req/s as text) and its cold starts (the count, and the latest one split into platform and workload as a bar).
// Text goes in through textContent only.

import { el } from './charts.js';
import { offerRevisions, startLogs } from './logs.js';
import { activityOf, followActivity } from './rates.js';
import { startUsage } from './usage.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes) {
  const element = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([name, value]) => element.setAttribute(name, String(value)));
  return element;
}

function rate(value) {
  return value >= 10 ? value.toFixed(0) : value.toFixed(1);
}

/** Requests per second, one bar a second (oldest first), scaled to the window's peak. */
export function rateChart(requests, stroke) {
  const width = 220;
  const height = 48;
  const top = Math.max(0, ...requests);
  const peak = Math.max(1, top);
  const step = width / Math.max(1, requests.length);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, class: 'rates' });
  chart.append(svg('line', { x1: 0, x2: width, y1: height - 2, y2: height - 2, class: 'axis' }));
  const points = requests.map((n, i) => `${(i * step).toFixed(1)},${(height - 2 - (n / peak) * (height - 14))
    .toFixed(1)}`);
  if (points.length) {
    chart.append(svg('polyline', { points: points.join(' '), fill: 'none', stroke, 'stroke-width': 1.5 }));
  }
  const label = svg('text', { x: 2, y: 10, class: 'peak' });
  label.textContent = `peak ${top} req/s`;
  chart.append(label);
  return chart;
}

/** The latest cold start as a bar: the platform's share and the workload's own start, each as wide as its part. */
export function coldStartBar(coldStart) {
  const bar = el('div', 'cold-split');
  const platform = coldStart.platformSeconds;
  const workload = coldStart.workloadSeconds;
  if (platform === undefined || workload === undefined) {
    bar.append(el('span', 'part unknown', `${(coldStart.seconds * 1000).toFixed(0)} ms (split unknown)`));
    return bar;
  }
  const total = Math.max(platform + workload, 1e-9);
  [['platform', platform], ['workload', workload]].forEach(([name, seconds]) => {
    const part = el('span', `part ${name}`, `${name} ${(seconds * 1000).toFixed(0)} ms`);
    part.style.flexGrow = String(Math.max(seconds / total, 0.02));
    part.dataset.part = name;
    part.dataset.ms = (seconds * 1000).toFixed(1);
    bar.append(part);
  });
  return bar;
}

/** The rate and cold-start cells of `revision`'s row in `namespace`. */
export function activityCells(namespace, revision, stroke) {
  const item = activityOf(namespace, revision);
  const cells = el('div', 'activity');
  const current = item?.requestsPerSecond ?? 0;
  cells.dataset.rate = String(current);
  const rateCell = el('div', 'rate');
  rateCell.append(el('span', 'now', `${rate(current)} req/s`), rateChart(item?.requests ?? [], stroke));
  const cold = item?.coldStarts ?? { count: 0, recent: [] };
  const coldCell = el('div', 'cold');
  coldCell.dataset.coldStarts = String(cold.count);
  coldCell.append(el('span', 'count', `${cold.count} cold start${cold.count === 1 ? '' : 's'}`));
  const latest = cold.recent[cold.recent.length - 1];
  if (latest) {
    coldCell.append(coldStartBar(latest));
  }
  cells.append(rateCell, coldCell);
  return cells;
}

/**
 * Starts the serving views: the activity read (the rows redraw with the charts), the logs picker (offered the
 * `revisions()` the page follows) and the usage view; `report(source)` gives each its status callback.
 */
export function startServingViews(revisions, report) {
  startLogs();
  followActivity(() => offerRevisions(revisions()), report('activity'));
  startUsage(report('usage'));
}
