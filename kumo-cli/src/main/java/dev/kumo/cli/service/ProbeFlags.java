package dev.kumo.cli.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * kn's {@code --probe-readiness|--probe-liveness SPEC} and {@code --probe-…-opts OPTS}: {@code http:HOST:PORT:PATH}
 * (or {@code https:}; host and port may be empty, the port a number or a port name), {@code tcp:HOST:PORT},
 * {@code exec:CMD[,ARG…]}; options {@code InitialDelaySeconds=N,PeriodSeconds=N,TimeoutSeconds=N,
 * SuccessThreshold=N,FailureThreshold=N} (names case-insensitive). The probe replaces the container's.
 */
final class ProbeFlags {

    private static final Map<String, String> OPTIONS = Map.of("initialdelayseconds", "initialDelaySeconds",
            "periodseconds", "periodSeconds", "timeoutseconds", "timeoutSeconds", "successthreshold",
            "successThreshold", "failurethreshold", "failureThreshold");

    private ProbeFlags() {
    }

    /** Sets {@code field} (readinessProbe, livenessProbe) of the container from a spec and/or its options. */
    static void apply(ObjectNode container, String field, String flag, String spec, String opts) {
        if (spec != null && spec.equals("-")) {
            container.remove(field);
            return;
        }
        ObjectNode probe = spec != null ? probe(flag, spec) : container.path(field).isObject()
                ? (ObjectNode) container.get(field) : null;
        if (opts != null) {
            if (probe == null) {
                throw new InvalidFlag(flag + "-opts needs a probe: give " + flag + " too, or set one first");
            }
            options(probe, flag + "-opts", opts);
        }
        if (probe != null) {
            container.set(field, probe);
        }
    }

    private static ObjectNode probe(String flag, String spec) {
        int colon = spec.indexOf(':');
        String type = colon < 0 ? spec : spec.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = colon < 0 ? "" : spec.substring(colon + 1);
        ObjectNode probe = Json.object();
        switch (type) {
            case "http", "https" -> {
                String[] parts = rest.split(":", 3);
                if (parts.length != 3) {
                    throw invalid(flag, spec, "want http:HOST:PORT:PATH (host and port may be empty)");
                }
                ObjectNode get = probe.putObject("httpGet");
                putIfSet(get, "host", parts[0]);
                port(get, flag, spec, parts[1]);
                get.put("path", parts[2].isEmpty() ? "/" : parts[2]);
                if (type.equals("https")) {
                    get.put("scheme", "HTTPS");
                }
            }
            case "tcp" -> {
                String[] parts = rest.split(":", 2);
                if (parts.length != 2 || parts[1].isEmpty()) {
                    throw invalid(flag, spec, "want tcp:HOST:PORT (host may be empty)");
                }
                ObjectNode tcp = probe.putObject("tcpSocket");
                putIfSet(tcp, "host", parts[0]);
                port(tcp, flag, spec, parts[1]);
            }
            case "exec" -> {
                if (rest.isBlank()) {
                    throw invalid(flag, spec, "want exec:CMD[,ARG...]");
                }
                ArrayNode command = probe.putObject("exec").putArray("command");
                List.of(rest.split(",")).forEach(command::add);
            }
            default -> throw invalid(flag, spec, "the type must be http, https, tcp or exec");
        }
        return probe;
    }

    private static void options(ObjectNode probe, String flag, String opts) {
        for (String option : opts.split(",")) {
            String[] pair = option.split("=", 2);
            String name = OPTIONS.get(pair[0].trim().toLowerCase(Locale.ROOT));
            if (name == null || pair.length != 2) {
                throw new InvalidFlag("invalid " + flag + " '" + option + "': want NAME=N with NAME one of "
                        + "InitialDelaySeconds, PeriodSeconds, TimeoutSeconds, SuccessThreshold, FailureThreshold");
            }
            try {
                probe.put(name, Integer.parseInt(pair[1].trim()));
            } catch (NumberFormatException e) {
                throw new InvalidFlag("invalid " + flag + " '" + option + "': " + pair[1] + " is not a whole number");
            }
        }
    }

    private static void port(ObjectNode action, String flag, String spec, String port) {
        if (port.isEmpty()) {
            return;
        }
        if (port.chars().allMatch(Character::isDigit)) {
            action.put("port", Integer.parseInt(port));
        } else if (port.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
            action.put("port", port);
        } else {
            throw invalid(flag, spec, "the port must be a number or a port name");
        }
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (!value.isEmpty()) {
            node.put(field, value);
        }
    }

    private static InvalidFlag invalid(String flag, String spec, String why) {
        return new InvalidFlag("invalid " + flag + " '" + spec + "': " + why);
    }
}
