// A flow drawn as an SVG graph: nodes in columns left to right, edges as arrows labelled with their text. Every
// text goes in through textContent; the drawing uses attributes and classes only (no inline style: the CSP).

const SVG = 'http://www.w3.org/2000/svg';
const NODE_W = 190;
const NODE_H = 42;
const COLUMN_GAP = 190;
const ROW_GAP = 26;
const PAD = 12;
const TEXT_CHARS = 28;
let drawn = 0;

function svg(tag, attributes = {}, text = '') {
  const element = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([name, value]) => element.setAttribute(name, String(value)));
  if (text) {
    element.textContent = text;
  }
  return element;
}

function clip(text) {
  return text.length > TEXT_CHARS ? `${text.slice(0, TEXT_CHARS - 1)}…` : text;
}

/**
 * Draws `nodes` ({id, column, kind, label, detail}) and `edges` ({from, to, label, warn, dashed, data}) as an SVG:
 * each node a box with its kind and name (`detail` under it), each edge an arrow with its label (and `warn`, in
 * the warning colour, under it). `data` values become the edge group's data-* attributes, for tests and tooltips.
 */
export function drawGraph(nodes, edges) {
  // Columns in order, empty ones left out (a flow with no sources starts at its Broker).
  const numbers = [...new Set(nodes.map((n) => n.column))].sort((a, b) => a - b);
  const columns = numbers.map((number) => nodes.filter((n) => n.column === number));
  const tallest = Math.max(1, ...columns.map((c) => c.length));
  const height = PAD * 2 + tallest * NODE_H + (tallest - 1) * ROW_GAP;
  const width = PAD * 2 + Math.max(1, columns.length) * NODE_W + Math.max(0, columns.length - 1) * COLUMN_GAP;
  const at = new Map();
  columns.forEach((column, index) => {
    const top = (height - (column.length * NODE_H + (column.length - 1) * ROW_GAP)) / 2;
    column.forEach((node, row) => at.set(node.id, { x: PAD + index * (NODE_W + COLUMN_GAP),
      y: top + row * (NODE_H + ROW_GAP) }));
  });
  const graph = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, class: 'flow-graph' });
  const arrow = `arrow-${(drawn += 1)}`; // one marker per drawing: ids are the document's
  const defs = svg('defs');
  const marker = svg('marker', { id: arrow, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7,
    markerHeight: 7, orient: 'auto-start-reverse' });
  marker.append(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow-head' }));
  defs.append(marker);
  graph.append(defs);
  nodes.forEach((node) => graph.append(nodeGroup(node, at.get(node.id))));
  // Edges over the nodes: a label wider than the gap between two columns stays readable.
  edges.filter((e) => at.has(e.from) && at.has(e.to)).forEach((edge) => graph.append(edgeGroup(edge, at, arrow)));
  return graph;
}

function nodeGroup(node, { x, y }) {
  const group = svg('g', { class: `node ${node.kind.toLowerCase()}` });
  group.dataset.node = node.id;
  group.dataset.kind = node.kind;
  group.dataset.name = node.label;
  group.append(svg('title', {}, `${node.kind} ${node.label}${node.detail ? `\n${node.detail}` : ''}`));
  group.append(svg('rect', { x, y, width: NODE_W, height: NODE_H, rx: 5 }));
  group.append(svg('text', { x: x + 8, y: y + 16, class: 'name' }, clip(`${node.kind} ${node.label}`)));
  if (node.detail) {
    group.append(svg('text', { x: x + 8, y: y + 32, class: 'detail' }, clip(node.detail)));
  }
  return group;
}

function edgeGroup(edge, at, arrow) {
  const from = at.get(edge.from);
  const to = at.get(edge.to);
  const x1 = from.x + NODE_W;
  const y1 = from.y + NODE_H / 2;
  const x2 = to.x;
  const y2 = to.y + NODE_H / 2;
  const bend = (x2 - x1) / 2;
  const group = svg('g', { class: `edge${edge.dashed ? ' dashed' : ''}${edge.warn ? ' warn' : ''}` });
  group.dataset.edge = `${edge.from}->${edge.to}`;
  Object.entries(edge.data ?? {}).forEach(([name, value]) => { group.dataset[name] = String(value); });
  group.append(svg('path', { d: `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`,
    'marker-end': `url(#${arrow})` }));
  const mx = (x1 + x2) / 2;
  const my = (y1 + y2) / 2;
  if (edge.label) {
    group.append(svg('text', { x: mx, y: my - 4, class: 'label', 'text-anchor': 'middle' }, edge.label));
  }
  if (edge.warn) {
    group.append(svg('text', { x: mx, y: my + 10, class: 'warning', 'text-anchor': 'middle' }, edge.warn));
  }
  return group;
}
