// The eventing objects as flows to draw (pure: objects and delivery counts in, nodes and edges out): a Broker with
// its sources, Triggers (and their filters), subscribers and dead-letter sinks; a Channel with its Subscriptions,
// subscribers and replies; a Sequence's steps in order; a Parallel's branches.

function ns(o) {
  return o.metadata.namespace ?? '';
}

function owned(object, kinds) {
  return (object.metadata.ownerReferences ?? []).some((r) => kinds.includes(r.kind));
}

/** A Destination as text: `Service/name` for a ref, else its URI. */
export function destination(d) {
  if (!d) {
    return '';
  }
  return d.ref ? `${d.ref.kind}/${d.ref.name}` : d.uri ?? '';
}

function destinationNode(d, column, namespace, detail = '') {
  const id = d.ref ? `ref:${d.ref.namespace ?? namespace}/${d.ref.kind}/${d.ref.name}` : `uri:${d.uri}`;
  return { id, column, kind: d.ref ? d.ref.kind : 'URI', label: d.ref ? d.ref.name : d.uri ?? '', detail };
}

/** A Trigger's filter as text: its attributes, its CESQL `filters`, or that it takes every event. */
export function filterText(trigger) {
  const attributes = Object.entries(trigger.spec?.filter?.attributes ?? {});
  const parts = attributes.map(([k, v]) => `${k}=${v}`);
  (trigger.spec?.filters ?? []).forEach((f) => parts.push(f.cesql ?? JSON.stringify(f)));
  return parts.length ? parts.join(', ') : 'every event';
}

function rate(count) {
  const r = count?.rate ?? 0;
  return `${r >= 10 ? Math.round(r) : r.toFixed(1)}/s`;
}

/** The warning under an edge: retries and dead letters (and drops) where non-zero. */
function trouble(count) {
  const parts = [];
  if (count?.retries) {
    parts.push(`${count.retries} retries`);
  }
  if (count?.deadLettered) {
    parts.push(`${count.deadLettered} dead-lettered`);
  }
  if (count?.failed) {
    parts.push(`${count.failed} dropped`);
  }
  return parts.join(' · ');
}

function data(count) {
  return { rate: (count?.rate ?? 0).toFixed(2), attempts: count?.attempts ?? 0, delivered: count?.delivered ?? 0,
    retries: count?.retries ?? 0, deadLettered: count?.deadLettered ?? 0, failed: count?.failed ?? 0 };
}

/** A delivery's edges: into its Trigger or Subscription, on to the subscriber, to the dead-letter sink if any. */
function deliveryEdges(from, via, subscriber, deadLetter, count) {
  const edges = [
    { from, to: via, label: rate(count), data: data(count) },
    { from: via, to: subscriber, label: `${rate(count)} · ${count?.delivered ?? 0} delivered`,
      warn: trouble(count), data: data(count) },
  ];
  if (deadLetter) {
    edges.push({ from: via, to: deadLetter, dashed: true, label: 'dead letters',
      warn: count?.deadLettered ? `${count.deadLettered} dead-lettered` : '', data: data(count) });
  }
  return edges;
}

function sourceNodes(sources, kind, target) {
  return sources.filter((s) => s.spec?.sink?.ref?.kind === kind && s.spec.sink.ref.name === target.metadata.name
      && (s.spec.sink.ref.namespace ?? ns(s)) === ns(target))
    .map((s) => ({ id: `source:${s.kind}/${s.metadata.name}`, column: 0, kind: s.kind, label: s.metadata.name,
      detail: s.spec?.schedule ?? (s.spec?.resources ?? []).map((r) => r.kind).join(', ') }));
}

function withSources(nodes, edges, sources, to) {
  nodes.push(...sources);
  edges.push(...sources.map((s) => ({ from: s.id, to, label: 'events' })));
}

function unique(nodes) {
  return [...new Map(nodes.map((n) => [n.id, n])).values()];
}

/** Counts by Trigger: `t:NAMESPACE/NAME`; by Subscription: `s:UID`. */
function triggerCount(counts, trigger) {
  return counts.get(`t:${ns(trigger)}/${trigger.metadata.name}`);
}

function subscriptionCount(counts, subscriptions, namespace, name) {
  const subscription = subscriptions.find((s) => ns(s) === namespace && s.metadata.name === name);
  return subscription ? counts.get(`s:${subscription.metadata.uid}`) : undefined;
}

function brokerFlow(broker, s, counts) {
  const id = `broker:${ns(broker)}/${broker.metadata.name}`;
  const nodes = [{ id, column: 1, kind: 'Broker', label: broker.metadata.name, detail: ns(broker) }];
  const edges = [];
  withSources(nodes, edges, sourceNodes(s.sources, 'Broker', broker), id);
  s.triggers.filter((t) => ns(t) === ns(broker) && t.spec?.broker === broker.metadata.name)
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name)).forEach((trigger) => {
      const via = `trigger:${ns(trigger)}/${trigger.metadata.name}`;
      nodes.push({ id: via, column: 2, kind: 'Trigger', label: trigger.metadata.name, detail: filterText(trigger) });
      const subscriber = destinationNode(trigger.spec.subscriber ?? {}, 3, ns(trigger));
      nodes.push(subscriber);
      const sink = trigger.spec?.delivery?.deadLetterSink ?? broker.spec?.delivery?.deadLetterSink;
      const deadLetter = sink ? destinationNode(sink, 3, ns(trigger), 'dead-letter sink') : undefined;
      if (deadLetter) {
        nodes.push(deadLetter);
      }
      edges.push(...deliveryEdges(id, via, subscriber.id, deadLetter?.id, triggerCount(counts, trigger)));
    });
  return { key: id, title: `Broker ${ns(broker)}/${broker.metadata.name}`, nodes: unique(nodes), edges };
}

function channelFlow(channel, s, counts) {
  const id = `channel:${ns(channel)}/${channel.metadata.name}`;
  const nodes = [{ id, column: 1, kind: channel.kind, label: channel.metadata.name, detail: ns(channel) }];
  const edges = [];
  withSources(nodes, edges, sourceNodes(s.sources, channel.kind, channel), id);
  s.subscriptions.filter((sub) => ns(sub) === ns(channel) && sub.spec?.channel?.name === channel.metadata.name)
    .forEach((subscription) => {
      const via = `subscription:${subscription.metadata.uid}`;
      nodes.push({ id: via, column: 2, kind: 'Subscription', label: subscription.metadata.name, detail: '' });
      const subscriber = destinationNode(subscription.spec.subscriber ?? {}, 3, ns(subscription));
      nodes.push(subscriber);
      const sink = subscription.spec?.delivery?.deadLetterSink ?? channel.spec?.delivery?.deadLetterSink;
      const deadLetter = sink ? destinationNode(sink, 3, ns(subscription), 'dead-letter sink') : undefined;
      if (deadLetter) {
        nodes.push(deadLetter);
      }
      edges.push(...deliveryEdges(id, via, subscriber.id, deadLetter?.id,
        counts.get(`s:${subscription.metadata.uid}`)));
      if (subscription.spec?.reply) {
        const reply = destinationNode(subscription.spec.reply, 4, ns(subscription), 'reply');
        nodes.push(reply);
        edges.push({ from: subscriber.id, to: reply.id, dashed: true, label: 'replies' });
      }
    });
  return { key: id, title: `${channel.kind} ${ns(channel)}/${channel.metadata.name}`, nodes: unique(nodes), edges };
}

function sequenceFlow(sequence, s, counts) {
  const id = `sequence:${ns(sequence)}/${sequence.metadata.name}`;
  const nodes = [{ id, column: 1, kind: 'Sequence', label: sequence.metadata.name, detail: ns(sequence) }];
  const edges = [];
  withSources(nodes, edges, sourceNodes(s.sources, 'Sequence', sequence), id);
  let previous = id;
  (sequence.spec?.steps ?? []).forEach((step, i) => {
    const node = { ...destinationNode(step, 2 + i, ns(sequence), `step ${i}`), id: `${id}/step:${i}` };
    nodes.push(node);
    const count = subscriptionCount(counts, s.subscriptions, ns(sequence), `${sequence.metadata.name}-kn-sequence-${i}`);
    edges.push({ from: previous, to: node.id, label: rate(count), warn: trouble(count), data: data(count) });
    previous = node.id;
  });
  if (sequence.spec?.reply) {
    const reply = { ...destinationNode(sequence.spec.reply, 2 + (sequence.spec.steps ?? []).length, ns(sequence),
      'reply'), id: `${id}/reply` };
    nodes.push(reply);
    edges.push({ from: previous, to: reply.id, dashed: true, label: 'replies' });
  }
  return { key: id, title: `Sequence ${ns(sequence)}/${sequence.metadata.name}`, nodes, edges };
}

function parallelFlow(parallel, s, counts) {
  const name = parallel.metadata.name;
  const id = `parallel:${ns(parallel)}/${name}`;
  const nodes = [{ id, column: 1, kind: 'Parallel', label: name, detail: ns(parallel) }];
  const edges = [];
  withSources(nodes, edges, sourceNodes(s.sources, 'Parallel', parallel), id);
  (parallel.spec?.branches ?? []).forEach((branch, i) => {
    let from = id;
    if (branch.filter) {
      const filter = { ...destinationNode(branch.filter, 2, ns(parallel), `branch ${i} filter`), id: `${id}/filter:${i}` };
      nodes.push(filter);
      const count = subscriptionCount(counts, s.subscriptions, ns(parallel), `${name}-kn-parallel-filter-${i}`);
      edges.push({ from, to: filter.id, label: rate(count), warn: trouble(count), data: data(count) });
      from = filter.id;
    }
    const subscriber = { ...destinationNode(branch.subscriber ?? {}, 3, ns(parallel), `branch ${i}`),
      id: `${id}/branch:${i}` };
    nodes.push(subscriber);
    const count = subscriptionCount(counts, s.subscriptions, ns(parallel), `${name}-kn-parallel-${i}`);
    edges.push({ from, to: subscriber.id, label: rate(count), warn: trouble(count), data: data(count) });
    const to = branch.reply ?? parallel.spec?.reply;
    if (to) {
      const reply = { ...destinationNode(to, 4, ns(parallel), 'reply'), id: `${id}/reply:${i}` };
      nodes.push(reply);
      edges.push({ from: subscriber.id, to: reply.id, dashed: true, label: 'replies' });
    }
  });
  return { key: id, title: `Parallel ${ns(parallel)}/${name}`, nodes, edges };
}

/**
 * Every flow to draw from `s` ({brokers, triggers, channels, subscriptions, sequences, parallels, sources}) and
 * `counts` (a Map as `deliveryCounts` keys it): Brokers, then the Channels a user made (not a Sequence's or a
 * Parallel's own), then Sequences and Parallels; each {key, title, nodes, edges}.
 */
export function flows(s, counts) {
  const byName = (a, b) => `${ns(a)}/${a.metadata.name}`.localeCompare(`${ns(b)}/${b.metadata.name}`);
  const channels = s.channels.filter((c) => !owned(c, ['Sequence', 'Parallel', 'Channel']));
  return [
    ...[...s.brokers].sort(byName).map((b) => brokerFlow(b, s, counts)),
    ...channels.sort(byName).map((c) => channelFlow(c, s, counts)),
    ...[...s.sequences].sort(byName).map((q) => sequenceFlow(q, s, counts)),
    ...[...s.parallels].sort(byName).map((p) => parallelFlow(p, s, counts)),
  ];
}

/**
 * The counts of `/debug/deliveries` keyed as `flows` reads them, each with `rate` (attempts per second) from the
 * oldest and newest of `samples` ({t: ms, items}), oldest first.
 */
export function deliveryCounts(samples) {
  const counts = new Map();
  if (!samples.length) {
    return counts;
  }
  const key = (item) => (item.subscriptionUid ? `s:${item.subscriptionUid}` : `t:${item.namespace}/${item.trigger}`);
  const oldest = samples[0];
  const newest = samples[samples.length - 1];
  const before = new Map(oldest.items.map((item) => [key(item), item]));
  const seconds = (newest.t - oldest.t) / 1000;
  newest.items.forEach((item) => {
    const earlier = before.get(key(item))?.attempts ?? (samples.length > 1 ? 0 : item.attempts);
    counts.set(key(item), { ...item, rate: seconds > 0 ? (item.attempts - earlier) / seconds : 0 });
  });
  return counts;
}
