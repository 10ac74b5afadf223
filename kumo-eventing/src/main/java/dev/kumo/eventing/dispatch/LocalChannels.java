package dev.kumo.eventing.dispatch;

import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.api.ChannelRef;
import dev.kumo.eventing.log.EventLog;
import io.cloudevents.CloudEvent;
import io.vertx.core.Future;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Deliveries to this mesh's own channels ({@code http://HOST:PORT/channels/NS/NAME}, a Sequence's next step, a
 * Parallel's branch) are appended to the log directly instead of POSTed to its own ingress: as durable, one hop
 * cheaper, and right after a restart correct too — the channel's stream takes the event even before its reconciler
 * has told the mesh about the channel again, where the ingress would answer 404 and a step without retries would
 * lose it.
 */
public final class LocalChannels {

    private final EventLog log;
    private final InstantSource clock;
    private final String host;
    private volatile int port = -1;

    public LocalChannels(EventLog log, InstantSource clock, String host) {
        this.log = log;
        this.clock = clock;
        this.host = host;
    }

    /** The ingress listens on {@code bound}: URLs with this port are its own. */
    public void listening(int bound) {
        port = bound;
    }

    /** The channel stream {@code target} is the ingress address of, if it is one of this mesh's. */
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
        return Optional.of(new ChannelRef(segments[2], segments[3]).stream());
    }

    /** Appends {@code event} to {@code stream}: accepted once durable, a retryable failure otherwise. */
    Future<Outcome> append(BrokerRef stream, CloudEvent event) {
        return Future.fromCompletionStage(log.append(stream, event, clock.instant()))
                .<Outcome>map(seq -> new Outcome.Accepted(Optional.empty()))
                .otherwise(failure -> new Outcome.Failed(500, ("storing the event in channel " + stream + " failed: "
                        + failure.getMessage()).getBytes(StandardCharsets.UTF_8), true));
    }

    private boolean ours(String target) {
        if (target == null) {
            return false;
        }
        if (target.equals(host) || target.equals("localhost")) {
            return true;
        }
        try {
            InetAddress address = InetAddress.getByName(target);
            InetAddress bound = InetAddress.getByName(host);
            return address.isLoopbackAddress() && (bound.isLoopbackAddress() || bound.isAnyLocalAddress())
                    || address.equals(bound);
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
