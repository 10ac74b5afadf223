package dev.kumo.cli.eventing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where {@code kumo event send --to} sends, in kn's event plugin grammar: {@code broker:NAME[:NAMESPACE]},
 * {@code ksvc:NAME[:NAMESPACE]} (or a bare NAME: a Knative Service, as kn takes it) or an {@code http(s)://} URL.
 */
sealed interface EventTarget {

    /** A Broker, sent to at its {@code status.address.url}. */
    record Broker(String name, Optional<String> namespace) implements EventTarget {
    }

    /** A Knative Service, sent to at its {@code status.url} through the router. */
    record Service(String name, Optional<String> namespace) implements EventTarget {
    }

    /** A URL given as such. */
    record Url(URI url) implements EventTarget {
    }

    Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    /** The target {@code --to value} names; a {@link BadFlag} naming the value and the grammar when it is none. */
    static EventTarget parse(String value) {
        if (value.startsWith("http://") || value.startsWith("https://")) {
            try {
                URI url = new URI(value);
                if (url.getHost() != null) {
                    return new Url(url);
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            throw new BadFlag("invalid --to '" + value + "': not a URL with a host, e.g. http://127.0.0.1:8080/");
        }
        String[] parts = value.split(":", -1);
        if (parts.length == 1 && NAME.matcher(value).matches()) {
            return new Service(value, Optional.empty());
        }
        if (parts.length >= 2 && parts.length <= 3 && NAME.matcher(parts[1]).matches()
                && (parts.length == 2 || NAME.matcher(parts[2]).matches())) {
            Optional<String> namespace = parts.length == 3 ? Optional.of(parts[2]) : Optional.empty();
            switch (parts[0]) {
                case "broker":
                    return new Broker(parts[1], namespace);
                case "ksvc":
                    return new Service(parts[1], namespace);
                case "channel":
                    throw new BadFlag("invalid --to '" + value + "': Kumo has no Channels yet; send to a broker "
                            + "(broker:NAME), a Knative Service (ksvc:NAME) or a URL");
                default:
                    break;
            }
        }
        throw new BadFlag("invalid --to '" + value + "': want broker:NAME[:NAMESPACE], ksvc:NAME[:NAMESPACE] or an "
                + "http(s):// URL");
    }
}
