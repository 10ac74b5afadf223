package dev.kumo.cli.base;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The CLI's own version, from the build. */
public final class ClientVersion {

    /** The Maven project version this CLI was built as. */
    public static final String VERSION = load();

    private ClientVersion() {
    }

    /**
     * The jar manifest's {@code Implementation-Version}: the JVM's class cache keeps the manifest, so a call does not
     * open the jar to read it (a resource read opens and indexes it: milliseconds of every {@code kumo} call). From
     * the build's {@code version.properties} when run from classes (tests).
     */
    private static String load() {
        String packaged = ClientVersion.class.getPackage().getImplementationVersion();
        if (packaged != null) {
            return packaged;
        }
        try (InputStream in = ClientVersion.class.getResourceAsStream("/dev/kumo/cli/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
