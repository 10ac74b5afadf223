package dev.kumo.runtime.spi;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * When to pull an image ({@code imagePullPolicy}) and the credentials for each registry host, resolved from the
 * Revision's {@code imagePullSecrets}; {@code defaulted}: the policy is Kubernetes' default for the image (no
 * {@code imagePullPolicy} was written), not the user's choice.
 */
public record PullSpec(Policy policy, boolean defaulted, Map<String, RegistryCredential> credentials) {

    /** Kubernetes' default for an image with a tag other than {@code latest}: pull if not present, no credentials. */
    public static final PullSpec DEFAULT = new PullSpec(Policy.IF_NOT_PRESENT, true, Map.of());

    public PullSpec {
        Objects.requireNonNull(policy, "policy");
        credentials = Collections.unmodifiableMap(new TreeMap<>(credentials));
    }

    /** A policy the user chose ({@code imagePullPolicy} written), with these credentials. */
    public PullSpec(Policy policy, Map<String, RegistryCredential> credentials) {
        this(policy, false, credentials);
    }

    /** Kubernetes' {@code imagePullPolicy} values. */
    public enum Policy {
        ALWAYS("Always"), IF_NOT_PRESENT("IfNotPresent"), NEVER("Never");

        private final String value;

        Policy(String value) {
            this.value = value;
        }

        /** As Kubernetes spells it. */
        public String value() {
            return value;
        }

        /** The policy spelled {@code value}; an IllegalArgumentException names the allowed values. */
        public static Policy parse(String value) {
            for (Policy policy : values()) {
                if (policy.value.equals(value)) {
                    return policy;
                }
            }
            throw new IllegalArgumentException("imagePullPolicy: unknown value \"" + value
                    + "\"; want Always, IfNotPresent or Never");
        }
    }

    /** A user and password for one registry; {@link #toString()} hides the password. */
    public record RegistryCredential(String user, String password) {

        public RegistryCredential {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "RegistryCredential[user=" + user + ", password=<hidden>]";
        }
    }
}
