package dev.kumo.cli;

import java.util.Locale;
import java.util.Optional;

/**
 * System properties a CLI call sets before its first command, each sparing a look-up that finds nothing in the
 * class path's jars but opens every one of them (17 jars, each one's central directory and manifest read): ~10-25 ms
 * of CPU per call. A property already set is left as it is.
 */
public final class StartupProperties {

    /** Picocli's switch for its look-up of Groovy's {@code Closure} class (a class no jar holds). */
    static final String PICOCLI_CLOSURES = "picocli.disable.closures";

    /** The JDK's choice of selector provider, else looked up as a service (a file no jar holds) on the first socket. */
    static final String SELECTOR_PROVIDER = "java.nio.channels.spi.SelectorProvider";

    private StartupProperties() {
    }

    /** Sets the properties, for this JVM. */
    public static void apply() {
        setIfAbsent(PICOCLI_CLOSURES, "true");
        platformSelectorProvider().ifPresent(provider -> setIfAbsent(SELECTOR_PROVIDER, provider));
    }

    /**
     * The JDK's own provider for this platform, the one the service look-up falls back to (epoll on Linux, kqueue on
     * macOS), when this JDK has it; empty elsewhere, which keeps the look-up.
     */
    static Optional<String> platformSelectorProvider() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String provider = os.startsWith("linux") ? "sun.nio.ch.EPollSelectorProvider"
                : os.startsWith("mac") ? "sun.nio.ch.KQueueSelectorProvider" : null;
        if (provider == null) {
            return Optional.empty();
        }
        try {
            Class.forName(provider, false, null);
            return Optional.of(provider);
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}
