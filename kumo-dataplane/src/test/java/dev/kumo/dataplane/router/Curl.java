package dev.kumo.dataplane.router;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the system's curl (a real HTTP/2 client) against the router and returns what it printed. */
final class Curl {

    private Curl() {
    }

    /** Output of {@code curl -s ARGS}; fails when curl does not exit 0 within 20 s. */
    static String run(String... args) {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "--max-time", "15"));
        command.addAll(List.of(args));
        try {
            Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = curl.getInputStream().readAllBytes();
            if (!curl.waitFor(20, TimeUnit.SECONDS)) {
                curl.destroyForcibly();
                throw new AssertionError("curl did not finish: " + command);
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (curl.exitValue() != 0) {
                throw new AssertionError("curl exited " + curl.exitValue() + ": " + command + "\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new AssertionError("running curl: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
