package dev.kumo.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import java.nio.file.Path;

/**
 * The child process of {@link SqliteKillNineIT}: creates ConfigMaps in a SQLite store until killed (or a cap is
 * reached) and prints {@code name uid resourceVersion} for each write once {@code create} has returned.
 */
public final class KillNineWriter {

    private KillNineWriter() {
    }

    /** Arguments: the data directory and the most objects to create. */
    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        int most = Integer.parseInt(args[1]);
        ResourceStore store = SqliteStore.open(dataDir);
        for (int i = 0; i < most; i++) {
            ObjectNode created = store.create(ResourceTypes.CONFIGMAP, TestObjects.configMap("default", "cm-" + i));
            System.out.println(TestObjects.name(created) + " " + TestObjects.uid(created) + " "
                    + TestObjects.resourceVersion(created));
            System.out.flush();
        }
        store.close();
    }
}
