package dev.kumo.build.java;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The host's shared libraries (glibc's loader and libs) the JRE's binaries need, as {@code ldd} resolves them. */
public final class HostLibraries {

    // "libz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x…)" and the loader's "/lib64/ld-linux-x86-64.so.2 (0x…)".
    private static final Pattern RESOLVED = Pattern.compile("^\\s*(?:\\S+\\s+=>\\s+)?(/\\S+)\\s+\\(0x[0-9a-f]+\\)");

    private HostLibraries() {
    }

    /** The libraries outside {@code jre} that its executables and libraries load, by absolute path. */
    public static List<Path> of(Path jre, List<Path> binaries) {
        List<String> command = new ArrayList<>(List.of("ldd"));
        binaries.forEach(binary -> command.add(binary.toString()));
        try {
            Process ldd = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!ldd.waitFor(60, TimeUnit.SECONDS)) {
                ldd.destroyForcibly();
                throw new IllegalStateException("ldd did not finish within 60 s");
            }
            return parse(output).stream().filter(lib -> !lib.startsWith(jre)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("running ldd over the JRE (is ldd, from libc-bin, installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running ldd", e);
        }
    }

    /** The resolved library paths in {@code ldd}'s output, each once, sorted. */
    static List<Path> parse(String lddOutput) {
        TreeSet<Path> libraries = new TreeSet<>();
        for (String line : lddOutput.split("\n")) {
            Matcher resolved = RESOLVED.matcher(line);
            if (resolved.find()) {
                libraries.add(Path.of(resolved.group(1)));
            }
        }
        return List.copyOf(libraries);
    }
}
