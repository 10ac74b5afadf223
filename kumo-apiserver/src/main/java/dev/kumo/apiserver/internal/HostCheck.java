package dev.kumo.apiserver.internal;

import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses a {@code Host} header that is neither a loopback name or address ({@code localhost}, {@code *.localhost},
 * 127.0.0.0/8, {@code ::1}) nor one of the configured names: a web page whose DNS name was rebound to 127.0.0.1
 * reaches the API with its own name in {@code Host}, while kubectl, the CLI and fabric8 send the address they dialled.
 * A request without a {@code Host} header (HTTP/1.0) did not come from a browser and passes.
 */
final class HostCheck implements RequestCheck {

    private final Set<String> names;

    /** Accepts loopback and {@code names} (lower case; addresses as written, IPv6 without brackets). */
    HostCheck(Set<String> names) {
        this.names = names.stream().map(HostCheck::normal).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public Optional<ApiException> refusal(RequestHead request) {
        if (!request.has("host")) {
            return Optional.empty();
        }
        String host = hostName(request.header("host"));
        if (isLoopback(host) || names.contains(normal(host))) {
            return Optional.empty();
        }
        return Optional.of(new ApiException(StatusReason.Forbidden, "the Host header \"" + request.header("host")
                + "\" names neither a loopback address nor a name this server is configured with (its bind address, "
                + "--domain and the names in its TLS certificate): refused, since a web page whose DNS name points "
                + "at this machine would send its own name; connect to 127.0.0.1 or localhost", "", "", List.of()));
    }

    /** The host part of a {@code Host} header: lower case, without the port, IPv6 without brackets. */
    static String hostName(String header) {
        String value = header.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            return close < 0 ? value : value.substring(1, close);
        }
        int colon = value.indexOf(':');
        String host = colon < 0 ? value : value.substring(0, colon);
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /** Whether {@code host} is a loopback name or a literal loopback address; never asks DNS. */
    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.endsWith(".localhost")
                || address(host).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    /** A name in lower case, an address as Java writes it (so {@code ::1} and {@code 0:0:0:0:0:0:0:1} match). */
    private static String normal(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return address(lower).map(InetAddress::getHostAddress).orElse(lower);
    }

    /** The address a literal IPv4 or IPv6 {@code host} stands for; empty for a name, without asking DNS. */
    private static Optional<InetAddress> address(String host) {
        boolean literal = host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || host.matches("[0-9a-f:.]*:[0-9a-f:.]*");
        if (!literal) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
