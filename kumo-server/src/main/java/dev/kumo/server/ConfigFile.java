package dev.kumo.server;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The optional server configuration file ({@code --config FILE}), YAML with kebab-case keys; every key can also be
 * given as a flag, and flags win.
 */
record ConfigFile(
        @JsonProperty("data-dir") String dataDir,
        @JsonProperty("api-addr") String apiAddr,
        @JsonProperty("ingress-addr") String ingressAddr,
        @JsonProperty("store") String store,
        @JsonProperty("store-sync") String storeSync,
        @JsonProperty("require-token") Boolean requireToken,
        @JsonProperty("domain") String domain,
        @JsonProperty("progress-deadline") String progressDeadline,
        @JsonProperty("autoscaler") Map<String, String> autoscaler,
        @JsonProperty("eventing-addr") String eventingAddr,
        @JsonProperty("eventing-max-in-flight") Integer eventingMaxInFlight,
        @JsonProperty("apiserversource-cross-namespace") Boolean apiServerSourceCrossNamespace,
        @JsonProperty("insecure-no-auth") Boolean insecureNoAuth,
        @JsonProperty("allowed-origins") List<String> allowedOrigins,
        @JsonProperty("header-read-timeout") String headerReadTimeout,
        @JsonProperty("idle-timeout") String idleTimeout,
        @JsonProperty("runtimes") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<String> runtimes,
        @JsonProperty("default-runtime") String defaultRuntime) {

    static final ConfigFile EMPTY = new ConfigFile(null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null);

    /** Reads the file; an unknown key or a bad value is an error naming the key and the file. */
    static ConfigFile read(Path file) {
        try {
            String text = Files.readString(file);
            if (text.isBlank()) {
                return EMPTY;
            }
            return YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(text, ConfigFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(file + ": unknown key \"" + e.getPropertyName() + "\"; known keys: "
                    + "data-dir, api-addr, ingress-addr, store, store-sync, require-token, domain, progress-deadline, "
                    + "autoscaler, eventing-addr, eventing-max-in-flight, apiserversource-cross-namespace, "
                    + "insecure-no-auth, allowed-origins, header-read-timeout, idle-timeout, runtimes, default-runtime");
        } catch (IOException e) {
            throw new IllegalArgumentException("reading config file " + file + ": " + e.getMessage().split("\n")[0]);
        }
    }
}
