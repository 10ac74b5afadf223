package dev.kumo.serving.pods;

import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.serving.deployments.DeploymentInstances;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A Pod's name in Knative's shape, {@code <revision>-deployment-<template hash>-<suffix>}: the hash from the
 * namespace and owner, the suffix from the instance id, so each instance keeps one name. Two instance ids may hash
 * to one suffix: the view then takes the next {@code attempt} for the second (see {@code PodView}).
 */
final class PodNames {

    // Kubernetes' alphabet for generated names: no vowels (no words), no look-alikes.
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private PodNames() {
    }

    static String of(String namespace, String owner, String instanceId) {
        return of(namespace, owner, instanceId, 0);
    }

    /**
     * The name of an instance of {@code ref}: a Deployment's as Kubernetes names a ReplicaSet's Pods,
     * {@code <deployment>-<pod-template-hash>-<suffix>}; a Revision's in Knative's shape.
     */
    static String of(RevisionRef ref, String instanceId, int attempt) {
        if (DeploymentInstances.deployment(ref).isEmpty()) {
            return of(ref.namespace(), ref.revision(), instanceId, attempt);
        }
        return ref.revision() + "-" + encoded(attempt == 0 ? instanceId : instanceId + "#" + attempt, 5);
    }

    /** The name with the {@code attempt}-th suffix of {@code instanceId}: 0 is the plain hash, each next one differs. */
    static String of(String namespace, String owner, String instanceId, int attempt) {
        String hashed = attempt == 0 ? instanceId : instanceId + "#" + attempt;
        return owner + "-deployment-" + encoded(namespace + "/" + owner, 10) + "-" + encoded(hashed, 5);
    }

    private static String encoded(String text, int length) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(Byte.toUnsignedInt(digest[i]) % ALPHABET.length()));
        }
        return out.toString();
    }
}
