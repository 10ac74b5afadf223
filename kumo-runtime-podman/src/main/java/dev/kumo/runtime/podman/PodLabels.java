package dev.kumo.runtime.podman;

import dev.kumo.runtime.spi.RevisionRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels that tie every pod and container to the Kumo that made it: its data directory (as a key, since one
 * podman serves every Kumo on the host), the revision and the instance; and the names derived from them.
 */
final class PodLabels {

    static final String DATA_DIR_KEY = "dev.kumo/data-dir-key";
    static final String NAMESPACE = "dev.kumo/namespace";
    static final String REVISION = "dev.kumo/revision";
    static final String INSTANCE = "dev.kumo/instance";

    private PodLabels() {
    }

    /** A short stable key for the runtime's state directory: 12 hex digits of the SHA-256 of its real path. */
    static String dataDirKey(Path stateDir) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(stateDir.toAbsolutePath().normalize()
                    .toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The filter that finds everything this runtime's state directory owns. */
    static Map<String, String> owned(String dataDirKey) {
        return Map.of(DATA_DIR_KEY, dataDirKey);
    }

    /** The labels of one instance's pod and containers. */
    static Map<String, String> of(String dataDirKey, RevisionRef revision, String instanceId) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(DATA_DIR_KEY, dataDirKey);
        labels.put(NAMESPACE, revision.namespace());
        labels.put(REVISION, revision.revision());
        labels.put(INSTANCE, instanceId);
        return labels;
    }

    /** The pod of an instance: {@code kumo-KEY-INSTANCE}, unique per data directory. */
    static String podName(String dataDirKey, String instanceId) {
        return "kumo-" + dataDirKey + "-" + instanceId;
    }
}
