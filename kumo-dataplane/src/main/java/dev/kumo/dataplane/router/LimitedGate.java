package dev.kumo.dataplane.router;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The gate for {@code containerConcurrency: N > 0}: at most N leases per instance, up to {@code maxQueued} waiting
 * requests per revision in FIFO order, the rest rejected with 503. A freed slot goes to the oldest waiter, which
 * resumes on its own event loop.
 */
final class LimitedGate implements Gate {

    private static final class Waiter {
        final Exchange exchange;
        final Chain next;
        boolean dequeued;

        Waiter(Exchange exchange, Chain next) {
            this.exchange = exchange;
            this.next = next;
        }
    }

    private record Handoff(Waiter waiter, Instance instance) {
    }

    private final GateSettings settings;
    private final int concurrency;
    private final int maxQueued;
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();

    LimitedGate(GateSettings settings, int concurrency, int maxQueued) {
        this.settings = settings;
        this.concurrency = concurrency;
        this.maxQueued = maxQueued;
    }

    @Override
    public void enter(Exchange exchange, Chain next) {
        QueueAdmission.Decision decision;
        Instance admitted = null;
        Waiter waiter = null;
        int queued;
        int ready;
        List<Handoff> handoffs;
        synchronized (this) {
            handoffs = drainLocked(); // waiters first: arrivals must not overtake the queue
            Instance[] all = settings.instances().current();
            ready = all.length;
            long now = settings.nanoClock().getAsLong();
            int usable = 0;
            for (Instance instance : all) {
                usable += instance.usable(now) ? 1 : 0;
            }
            int i = pickLocked(all, now);
            queued = queue.size();
            decision = QueueAdmission.decide(usable, i >= 0, queued, maxQueued);
            if (decision == QueueAdmission.Decision.ADMIT) {
                admitted = all[i];
                admitted.acquire();
            } else if (decision == QueueAdmission.Decision.QUEUE) {
                waiter = new Waiter(exchange, next);
                queue.add(waiter);
            }
        }
        handOff(handoffs);
        switch (decision) {
            case ADMIT -> {
                exchange.leased(this, admitted);
                next.proceed(exchange);
            }
            case QUEUE -> {
                Waiter w = waiter;
                exchange.onDone(() -> cancel(w));
            }
            case REJECT_QUEUE_FULL -> exchange.fail(503, "revision " + settings.revision() + " is overloaded: "
                    + "containerConcurrency " + concurrency + " reached on every instance and " + queued
                    + " requests queued");
            case REJECT_NO_ENDPOINT -> exchange.fail(503, settings.noEndpointMessage(ready));
        }
    }

    @Override
    public void release(Instance instance) {
        List<Handoff> handoffs;
        synchronized (this) {
            instance.release();
            handoffs = drainLocked();
        }
        handOff(handoffs);
    }

    @Override
    public void ejectAndRelease(Instance instance) {
        instance.eject(settings.nanoClock().getAsLong() + settings.ejectionNanos());
        release(instance);
    }

    private synchronized void cancel(Waiter waiter) {
        if (!waiter.dequeued) {
            queue.remove(waiter);
        }
    }

    private int pickLocked(Instance[] all, long now) {
        return LeastLoaded.pick(all.length, GateSettings.start(all.length), j -> all[j].usable(now),
                j -> all[j].inFlight(), concurrency);
    }

    private List<Handoff> drainLocked() {
        if (queue.isEmpty()) {
            return List.of();
        }
        List<Handoff> handoffs = new ArrayList<>(2);
        Instance[] all = settings.instances().current();
        long now = settings.nanoClock().getAsLong();
        while (!queue.isEmpty()) {
            int i = pickLocked(all, now);
            if (i < 0) {
                break;
            }
            Waiter waiter = queue.poll();
            waiter.dequeued = true;
            all[i].acquire();
            handoffs.add(new Handoff(waiter, all[i]));
        }
        return handoffs;
    }

    private void handOff(List<Handoff> handoffs) {
        for (Handoff h : handoffs) {
            Exchange exchange = h.waiter().exchange;
            exchange.context().runOnContext(v -> {
                if (exchange.isDone()) {
                    release(h.instance());
                } else {
                    exchange.leased(this, h.instance());
                    h.waiter().next.proceed(exchange);
                }
            });
        }
    }
}
