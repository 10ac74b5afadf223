// The usage view: the metered usage of each Service's Revisions over a period (1h, 24h, 7d), as `kumo usage
// --revisions` prints it, from GET /apis/usage.kumo.dev/v1alpha1/usage?since=…, read again every REFRESH_MS.
// Units only: the price table is the CLI's (`kumo usage` shows the estimated cost at Cloud Run's list prices).

import { get } from './api.js';
import { el } from './charts.js';

const REFRESH_MS = 10000;
const COLUMNS = [
  ['NAMESPACE', (r) => r.namespace], ['SERVICE', (r) => r.service || '-'], ['REVISION', (r) => r.revision || '-'],
  ['REQUESTS', (r) => String(r.requests)], ['INSTANCE-SECONDS', (r) => r.instanceSeconds.toFixed(1)],
  ['GIB-SECONDS', (r) => r.memoryGibSeconds.toFixed(1)], ['CPU-SECONDS', (r) => r.cpuSeconds.toFixed(2)],
  ['COLD-STARTS', (r) => String(r.coldStarts)], ['EVENTS', (r) => String(r.eventsDelivered)],
];
const COUNTS = ['requests', 'instanceSeconds', 'memoryGibSeconds', 'cpuSeconds', 'coldStarts', 'eventsDelivered'];

let period = '1h';

function total(items) {
  const sum = { namespace: 'TOTAL', service: '', revision: '' };
  COUNTS.forEach((count) => { sum[count] = items.reduce((s, item) => s + (item[count] ?? 0), 0); });
  return sum;
}

/** The report as a table, one row per Revision (sorted) and a total. */
export function usageTable(report) {
  const items = [...(report.items ?? [])].sort((a, b) => `${a.namespace}/${a.service}/${a.revision}`
    .localeCompare(`${b.namespace}/${b.service}/${b.revision}`));
  if (!items.length) {
    return el('p', 'empty', `No usage in the last ${period}.`);
  }
  const table = el('table', 'resources usage');
  const head = el('tr');
  COLUMNS.forEach(([name]) => head.append(el('th', '', name)));
  table.append(head);
  [...items, total(items)].forEach((item) => {
    const row = el('tr', item.namespace === 'TOTAL' && !item.service ? 'total' : '');
    row.dataset.revision = item.revision ?? '';
    row.dataset.requests = String(item.requests);
    COLUMNS.forEach(([, cell]) => row.append(el('td', '', cell(item))));
    table.append(row);
  });
  return table;
}

/** Shows the usage of the period picked, read again every REFRESH_MS and when another period is picked. */
export function startUsage(onState) {
  const read = async () => {
    try {
      const report = await get(`/apis/usage.kumo.dev/v1alpha1/usage?since=${encodeURIComponent(period)}`);
      document.getElementById('usage-table').replaceChildren(usageTable(report));
      onState(null);
    } catch (error) {
      onState(error);
    }
  };
  document.querySelectorAll('#usage-periods button').forEach((button) => {
    button.addEventListener('click', () => {
      period = button.dataset.period;
      document.querySelectorAll('#usage-periods button').forEach((b) => b.classList.toggle('picked', b === button));
      read();
    });
  });
  read();
  setInterval(read, REFRESH_MS);
}
