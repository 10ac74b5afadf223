package dev.kumo.dataplane.router;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The FIFO of one gate's waiting requests: queued for a free slot (containerConcurrency), or held by the activator
 * while the revision has no ready instance. Every admission decision and every lease taken for a waiter happens
 * under its monitor, so an arrival cannot overtake a waiter; a waiter given an instance resumes on its own event
 * loop. Requests stay paused while they wait, so their bodies stay in the client's socket, not in memory.
 */
final class WaitQueue {

    private static final class Waiter {
        final Exchange exchange;
        final Chain next;
        final boolean held;
        boolean dequeued;

        Waiter(Exchange exchange, Chain next, boolean held) {
            this.exchange = exchange;
            this.next = next;
            this.held = held;
        }
    }

    private record Handoff(Waiter waiter, Instance instance) {
    }

    private final Gate gate;
    private final GateContext context;
    private final int concurrency;
    private final int maxQueuedPerInstance;
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();

    /**
     * For {@code gate}, with at most {@code concurrency} leases per instance (0 = unlimited) and, while the activator
     * is out of the path, at most {@code maxQueuedPerInstance} waiters per usable instance.
     */
    WaitQueue(Gate gate, GateContext context, int concurrency, int maxQueuedPerInstance) {
        this.gate = gate;
        this.context = context;
        this.concurrency = concurrency;
        this.maxQueuedPerInstance = maxQueuedPerInstance;
    }

    /** Admits, queues, holds or rejects {@code exchange} (see {@link QueueAdmission}). */
    void enter(Exchange exchange, Chain next) {
        QueueAdmission.Decision decision;
        Instance admitted = null;
        Waiter waiter = null;
        boolean firstHeld = false;
        int waiting;
        int ready;
        List<Handoff> handoffs;
        long now = context.nanoClock().getAsLong();
        synchronized (this) {
            handoffs = drainLocked(); // waiters first: arrivals must not overtake the queue
            Instance[] all = context.instances().current();
            ready = all.length;
            int usable = 0;
            for (Instance instance : all) {
                usable += instance.usable(now) ? 1 : 0;
            }
            int i = pickLocked(all, now);
            waiting = queue.size();
            decision = QueueAdmission.decide(ready, usable, i >= 0, waiting, maxQueuedPerInstance,
                    context.activator().maxHeld(), context.activator().inPath());
            switch (decision) {
                case ADMIT -> {
                    admitted = all[i];
                    admitted.acquire();
                }
                case QUEUE, HOLD -> {
                    waiter = new Waiter(exchange, next, decision == QueueAdmission.Decision.HOLD);
                    queue.add(waiter);
                    if (waiter.held) {
                        firstHeld = context.activator().hold();
                    }
                }
                default -> { }
            }
        }
        handOff(handoffs);
        switch (decision) {
            case ADMIT -> {
                exchange.leased(gate, admitted);
                next.proceed(exchange);
            }
            case QUEUE -> {
                Waiter w = waiter;
                exchange.queued();
                exchange.onDone(() -> cancel(w));
            }
            case HOLD -> {
                Waiter w = waiter;
                exchange.heldAtZero();
                exchange.onDone(() -> cancel(w));
                context.activator().demand(now); // before the log line: a cold start's clock is running
                if (firstHeld) {
                    ActivatorLog.holding(context.revision(), exchange.traceId());
                }
            }
            case REJECT_QUEUE_FULL -> exchange.fail(503, "revision " + context.revision() + " is overloaded: "
                    + "containerConcurrency " + concurrency + " reached on every instance and " + waiting
                    + " requests queued (" + maxQueuedPerInstance + " per ready instance while the activator is "
                    + "out of the path)");
            case REJECT_HOLD_FULL -> exchange.fail(503, "revision " + context.revision() + " has no ready "
                    + "instance and " + waiting + " requests are already held for it (the router's "
                    + "maxHeldPerRevision)");
            case REJECT_ACTIVATOR_FULL -> exchange.fail(503, "revision " + context.revision() + " is overloaded: "
                    + "the activator is in its path and " + waiting + " requests already wait for a free instance "
                    + "(the router's maxHeldPerRevision)");
            case REJECT_NO_ENDPOINT -> exchange.fail(503, context.noEndpointMessage(ready));
        }
    }

    /**
     * Leases the least-loaded instance with a free slot when no request waits, as {@link #enter} admits one, else
     * null (the caller takes {@link #enter}'s path, which queues, holds or rejects).
     */
    Instance tryAdmit() {
        long now = context.nanoClock().getAsLong();
        synchronized (this) {
            if (!queue.isEmpty()) {
                return null;
            }
            Instance[] all = context.instances().current();
            int i = pickLocked(all, now);
            if (i < 0) {
                return null;
            }
            all[i].acquire();
            return all[i];
        }
    }

    /** Returns a lease and gives the freed slot to the oldest waiter. */
    void release(Instance instance) {
        List<Handoff> handoffs;
        synchronized (this) {
            instance.release();
            handoffs = drainLocked();
        }
        handOff(handoffs);
    }

    /** Gives instances that became ready (or free) to waiters, oldest first. */
    void wake() {
        List<Handoff> handoffs;
        synchronized (this) {
            handoffs = drainLocked();
        }
        handOff(handoffs);
    }

    private synchronized void cancel(Waiter waiter) {
        if (!waiter.dequeued) {
            waiter.dequeued = true;
            queue.remove(waiter);
            if (waiter.held) {
                context.activator().unhold();
            }
        }
    }

    private int pickLocked(Instance[] all, long now) {
        return LeastLoaded.pick(all.length, LeastLoaded.randomStart(all.length), j -> all[j].usable(now),
                j -> all[j].inFlight(), concurrency);
    }

    private List<Handoff> drainLocked() {
        if (queue.isEmpty()) {
            return List.of();
        }
        List<Handoff> handoffs = new ArrayList<>(2);
        Instance[] all = context.instances().current();
        long now = context.nanoClock().getAsLong();
        while (!queue.isEmpty()) {
            int i = pickLocked(all, now);
            if (i < 0) {
                break;
            }
            Waiter waiter = queue.poll();
            waiter.dequeued = true;
            if (waiter.held) {
                context.activator().unhold();
            }
            all[i].acquire();
            handoffs.add(new Handoff(waiter, all[i]));
        }
        return handoffs;
    }

    private void handOff(List<Handoff> handoffs) {
        for (Handoff h : handoffs) {
            Exchange exchange = h.waiter().exchange;
            long woken = System.nanoTime();
            exchange.context().runOnContext(v -> {
                exchange.coldStartStage("released");
                if (exchange.isDone()) {
                    gate.release(h.instance());
                } else {
                    exchange.leased(gate, h.instance());
                    h.waiter().next.proceed(exchange);
                }
            });
            // Logged after the hand-off, so that writing the stage's line is not counted in the hop it starts.
            exchange.coldStartStage("woken", woken);
        }
    }
}
