package dev.kumo.eventing.dispatch;

import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.api.ChannelRef;
import dev.kumo.eventing.ingress.StoredForm;
import dev.kumo.eventing.log.Encoded;
import dev.kumo.eventing.log.EventLog;
import io.cloudevents.CloudEvent;
import io.netty.util.NetUtil;
import io.vertx.core.Future;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Deliveries to this mesh's own known channels ({@code http://HOST:PORT/channels/NS/NAME}, a Sequence's next step, a
 * Parallel's branch) are appended to the log directly instead of POSTed to its own ingress: as durable, one hop
 * cheaper, and right after a restart correct too — a channel whose stream the log holds takes the event even before
 * its reconciler has told the mesh about the channel again, where the ingress would answer 404 and a step without
 * retries would lose it. A channel neither served nor in the log (a typo, a deleted channel) goes the HTTP way: the
 * ingress's 404 is retried and dead-lettered like any failure. The direct path applies the ingress's size (413) and
 * stored-form (400) checks. Addresses are compared as literals: no name lookup on the event loop.
 */
public final class LocalChannels {

    private final EventLog log;
    private final InstantSource clock;
    private final String host;
    private final Optional<InetAddress> bound;
    private final int maxEventBytes;
    private final Predicate<BrokerRef> served;
    private final Set<String> persisted = ConcurrentHashMap.newKeySet();
    private volatile int port = -1;

    /**
     * {@code served} tells the channel streams the ingress answers for now; the log's channel streams as of this call
     * count as known too until {@link #forget forgotten}.
     */
    public LocalChannels(EventLog log, InstantSource clock, String host, int maxEventBytes,
            Predicate<BrokerRef> served) {
        this.log = log;
        this.clock = clock;
        this.host = host;
        this.bound = literal(host);
        this.maxEventBytes = maxEventBytes;
        this.served = served;
        persisted.addAll(log.streams());
    }

    /** The ingress listens on {@code bound}: URLs with this port are its own. */
    public void listening(int bound) {
        port = bound;
    }

    /** {@code channel} was removed: its stream left in the log no longer makes it known. */
    public void forget(ChannelRef channel) {
        persisted.remove(channel.stream().toString());
    }

    /** The known channel stream {@code target} is the ingress address of, if it is one of this mesh's. */
    Optional<BrokerRef> streamOf(URI target) {
        if (port < 0 || target.getPort() != port || !"http".equals(target.getScheme()) || !ours(target.getHost())) {
            return Optional.empty();
        }
        String[] segments = target.getRawPath() == null ? new String[0] : target.getRawPath().split("/", -1);
        if (segments.length != 4 || !segments[0].isEmpty() || !segments[1].equals("channels")
                || segments[2].isEmpty() || segments[3].isEmpty() || segments[3].contains(":")
                || target.getRawQuery() != null) {
            return Optional.empty();
        }
        BrokerRef stream = new ChannelRef(segments[2], segments[3]).stream();
        return served.test(stream) || persisted.contains(stream.toString()) ? Optional.of(stream) : Optional.empty();
    }

    /**
     * Appends {@code event} to {@code stream}: accepted once durable, a retryable failure otherwise; refused as the
     * ingress would be when too large (413) or not storable as sent (400).
     */
    Future<Outcome> append(BrokerRef stream, CloudEvent event) {
        int size = event.getData() == null ? 0 : event.getData().toBytes().length;
        if (size > maxEventBytes) {
            return Future.succeededFuture(failed(413, "the event is larger than " + maxEventBytes
                    + " bytes, the channel's limit (max-event-bytes)", false));
        }
        Encoded storable;
        try {
            storable = StoredForm.storable(event);
        } catch (StoredForm.NotStorable e) {
            return Future.succeededFuture(failed(400, e.getMessage(), false));
        }
        return Future.fromCompletionStage(log.append(stream, storable, clock.instant()))
                .<Outcome>map(seq -> new Outcome.Accepted(Optional.empty(), 202))
                .otherwise(failure -> failed(500, "storing the event in channel " + stream + " failed: "
                        + failure.getMessage(), true));
    }

    private static Outcome failed(int status, String reason, boolean retryable) {
        return new Outcome.Failed(status, reason.getBytes(StandardCharsets.UTF_8), retryable);
    }

    private boolean ours(String target) {
        if (target == null) {
            return false;
        }
        if (target.equals(host) || target.equals("localhost")) {
            return true;
        }
        Optional<InetAddress> address = literal(target);
        if (address.isEmpty() || bound.isEmpty()) {
            return false;
        }
        InetAddress listening = bound.get();
        return address.get().isLoopbackAddress() && (listening.isLoopbackAddress() || listening.isAnyLocalAddress())
                || address.get().equals(listening);
    }

    /** {@code host} as an address when it is an IP literal; a name is never looked up. */
    private static Optional<InetAddress> literal(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return NetUtil.isValidIpV4Address(bare) || NetUtil.isValidIpV6Address(bare)
                ? Optional.ofNullable(NetUtil.createInetAddressFromIpAddressString(bare)) : Optional.empty();
    }
}
