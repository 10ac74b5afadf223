package dev.kumo.serving;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a {@code java} command can write and use an AOT cache in one step ({@code -XX:AOTCacheOutput}, JDK 25's
 * JEP 514): asks it once for its {@code java.specification.version} and remembers the answer per command.
 */
final class JavaAotSupport implements JvmAotCache.Support {

    /** The first release with {@code -XX:AOTCacheOutput}. */
    static final int FIRST_RELEASE = 25;

    private static final Pattern SPEC_VERSION = Pattern.compile("(?m)^\\s*java\\.specification\\.version = (\\d+)");

    private final Map<String, Optional<String>> answers = new ConcurrentHashMap<>();

    @Override
    public Optional<String> whyNot(String javaCommand) {
        return answers.computeIfAbsent(javaCommand, JavaAotSupport::ask);
    }

    /** Why the release printed in {@code settings} cannot, or empty if it can. */
    static Optional<String> whyNot(String javaCommand, String settings) {
        Matcher matcher = SPEC_VERSION.matcher(settings);
        if (!matcher.find()) {
            return Optional.of(javaCommand + " did not say its java.specification.version");
        }
        int release = Integer.parseInt(matcher.group(1));
        return release >= FIRST_RELEASE ? Optional.empty() : Optional.of(javaCommand + " is Java " + release
                + "; the one-step AOT cache (-XX:AOTCacheOutput) needs Java " + FIRST_RELEASE + " or newer");
    }

    private static Optional<String> ask(String javaCommand) {
        try {
            Process process = new ProcessBuilder(javaCommand, "-XshowSettings:properties", "-version")
                    .redirectErrorStream(true).start();
            String settings;
            try (InputStream output = process.getInputStream()) {
                settings = new String(output.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of(javaCommand + " -version did not finish within 30 s");
            }
            return whyNot(javaCommand, settings);
        } catch (IOException e) {
            return Optional.of("cannot run " + javaCommand + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while asking " + javaCommand + " for its version");
        }
    }
}
