package dev.kumo.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The subject alternative names of the server certificate, as keytool writes them ({@code ip:…}, {@code dns:…}).
 * Loopback names are always there; a specific bound host is added and required; for a wildcard bind (0.0.0.0,
 * ::) the machine's host name is required and its interface addresses at creation are added but not required, so
 * the certificate (and every kubeconfig that trusts it) survives an interface coming or going.
 *
 * @param required names a stored certificate must hold to be reused
 * @param included every name a new certificate gets
 */
record CertificateNames(Set<String> required, Set<String> included) {

    private static final Set<String> LOOPBACK = Set.of("ip:127.0.0.1", "ip:0:0:0:0:0:0:0:1", "dns:localhost");

    /** The names for a server bound to {@code host}; {@code machineNames} is asked only for a wildcard bind. */
    static CertificateNames forHost(String host, Supplier<Set<String>> machineNames) {
        Set<String> required = new LinkedHashSet<>(LOOPBACK);
        Set<String> included = new LinkedHashSet<>(LOOPBACK);
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (isWildcard(bare)) {
            Set<String> machine = machineNames.get();
            machine.stream().filter(n -> n.startsWith("dns:")).forEach(required::add);
            included.addAll(machine);
        } else if (!bare.isEmpty()) {
            required.add(entry(bare));
            included.add(entry(bare));
        }
        return new CertificateNames(Set.copyOf(required), Set.copyOf(included));
    }

    /**
     * One name in its normal form: IP literals as Java prints them (IPv6 in full, as X509Certificate reports
     * them), DNS names in lower case. Never does a DNS lookup.
     */
    static String entry(String host) {
        if (isIpLiteral(host)) {
            try {
                return "ip:" + InetAddress.getByName(host).getHostAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("invalid IP address \"" + host + "\"", e);
            }
        }
        return "dns:" + host.toLowerCase(Locale.ROOT);
    }

    static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+");
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0");
    }
}
