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

    private static String load() {
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
