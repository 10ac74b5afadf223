package dev.kumo.runtime.podman;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Kumo's own addresses as a pod reaches them. Kumo serves Brokers, channels and Services on the host's loopback,
 * which a pod on podman's bridge cannot reach; a workload the platform gives such an address ({@code K_SINK}, from a
 * SinkBinding) runs on a slirp4netns network allowed to reach the host's loopback at {@value #HOST_FROM_POD}, and
 * its {@code K_SINK} names that address instead of {@code 127.0.0.1} or {@code localhost}. Pure.
 */
final class HostLoopback {

    /** The host's 127.0.0.1 as slirp4netns's {@code allow_host_loopback} shows it to the pod. */
    static final String HOST_FROM_POD = "10.0.2.2";
    /** The variables holding an address the platform gives: only these are rewritten. */
    private static final Set<String> PLATFORM_ADDRESSES = Set.of("K_SINK");
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost");

    private HostLoopback() {
    }

    /** Whether the pod must reach the host's loopback: a platform address in its env names it. */
    static boolean needed(Map<String, String> env) {
        return PLATFORM_ADDRESSES.stream().map(env::get).anyMatch(HostLoopback::isLoopback);
    }

    /** The env with each platform address on the host's loopback naming {@value #HOST_FROM_POD} instead. */
    static Map<String, String> reachable(Map<String, String> env) {
        Map<String, String> result = new LinkedHashMap<>(env);
        for (String name : PLATFORM_ADDRESSES) {
            String value = env.get(name);
            if (isLoopback(value)) {
                URI url = URI.create(value);
                try {
                    result.put(name, new URI(url.getScheme(), url.getRawUserInfo(), HOST_FROM_POD, url.getPort(),
                            url.getRawPath(), url.getRawQuery(), url.getRawFragment()).toString());
                } catch (URISyntaxException e) {
                    throw new IllegalStateException("cannot rewrite " + name + "=" + value, e);
                }
            }
        }
        return result;
    }

    private static boolean isLoopback(String value) {
        if (value == null) {
            return false;
        }
        try {
            URI url = new URI(value);
            return url.getHost() != null && LOOPBACK.contains(url.getHost());
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
