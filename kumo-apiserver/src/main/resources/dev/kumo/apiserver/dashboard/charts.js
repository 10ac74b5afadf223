// The pictures: a Service's traffic split as a bar, a Revision's instances over time as a small step chart (SVG).

const SVG = 'http://www.w3.org/2000/svg';
const COLOURS = ['#2f6fde', '#e07b24', '#2e9e5b', '#a347c2', '#c23b3b', '#2aa6a6'];

/** An element of `tag` with `classes` and text. */
export function el(tag, classes = '', text = '') {
  const element = document.createElement(tag);
  if (classes) {
    element.className = classes;
  }
  if (text) {
    element.textContent = text;
  }
  return element;
}

function svg(tag, attributes) {
  const element = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([name, value]) => element.setAttribute(name, String(value)));
  return element;
}

/** A colour per revision name, the same in the bar and the charts. */
export function colour(names, name) {
  const index = names.indexOf(name);
  return COLOURS[(index < 0 ? 0 : index) % COLOURS.length];
}

/** The traffic split: one segment per target, as wide as its percent, labelled with revision, tag and percent. */
export function splitBar(traffic, names) {
  const bar = el('div', 'split');
  traffic.filter((t) => (t.percent ?? 0) > 0).forEach((target) => {
    const segment = el('div', 'segment');
    segment.style.width = `${target.percent}%`;
    segment.style.background = colour(names, target.revisionName);
    segment.dataset.revision = target.revisionName ?? '';
    segment.dataset.percent = String(target.percent);
    segment.dataset.tag = target.tag ?? '';
    segment.title = `${target.revisionName}${target.tag ? ` (${target.tag})` : ''}: ${target.percent}%`;
    segment.textContent = `${target.revisionName ?? ''}${target.tag ? ` · ${target.tag}` : ''} ${target.percent}%`;
    bar.append(segment);
  });
  if (!bar.childElementCount) {
    bar.append(el('div', 'segment none', 'no traffic yet'));
  }
  return bar;
}

/**
 * Instances over time as steps: `samples` are {t: ms, n: count}, oldest first; the chart spans what was sampled,
 * at least `minSpanMs`, so a fresh page shows its first seconds wide enough to read.
 */
export function instanceChart(samples, minSpanMs, stroke) {
  const width = 220;
  const height = 48;
  const peak = Math.max(1, ...samples.map((s) => s.n));
  const now = samples.length ? samples[samples.length - 1].t : 0;
  const spanMs = Math.max(minSpanMs, samples.length ? now - samples[0].t : 0);
  const x = (t) => width - ((now - t) / spanMs) * width;
  const y = (n) => height - 2 - (n / peak) * (height - 6);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, class: 'instances' });
  chart.append(svg('line', { x1: 0, x2: width, y1: y(0), y2: y(0), class: 'axis' }));
  if (samples.length) {
    const points = [];
    samples.forEach((s, i) => {
      if (i > 0) {
        points.push(`${x(s.t).toFixed(1)},${y(samples[i - 1].n).toFixed(1)}`);
      }
      points.push(`${x(s.t).toFixed(1)},${y(s.n).toFixed(1)}`);
    });
    chart.append(svg('polyline', { points: points.join(' '), fill: 'none', stroke, 'stroke-width': 2 }));
  }
  const label = svg('text', { x: 2, y: 10, class: 'peak' });
  label.textContent = `peak ${Math.max(0, ...samples.map((s) => s.n))}`;
  chart.append(label);
  return chart;
}
