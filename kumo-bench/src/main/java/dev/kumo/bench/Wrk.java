package dev.kumo.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code wrk --latency} for a bounded time and reads its figures. */
record Wrk(int threads, int connections, Duration duration) {

    /** What one wrk run reported: throughput, latency percentiles, and every request that did not succeed. */
    record Result(double requestsPerSecond, double p50Millis, double p99Millis, long socketErrors, long non2xx) {

        private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
        private static final Pattern SOCKET_ERRORS = Pattern.compile(
                "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
        private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

        /** Parses wrk's text output (with {@code --latency}). */
        static Result parse(String output) {
            Matcher rate = RATE.matcher(output);
            if (!rate.find()) {
                throw new IllegalArgumentException("no Requests/sec in wrk output:\n" + output);
            }
            long errors = 0;
            Matcher socket = SOCKET_ERRORS.matcher(output);
            if (socket.find()) {
                for (int group = 1; group <= 4; group++) {
                    errors += Long.parseLong(socket.group(group));
                }
            }
            Matcher non2xx = NON_2XX.matcher(output);
            return new Result(Double.parseDouble(rate.group(1)), percentile(output, "50%"), percentile(output, "99%"),
                    errors, non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0);
        }

        /** A line of the "Latency Distribution" block, e.g. {@code "     99%    4.58ms"}, in milliseconds. */
        private static double percentile(String output, String label) {
            Matcher line = Pattern.compile("^\\s+" + Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s)\\s*$",
                    Pattern.MULTILINE).matcher(output);
            if (!line.find()) {
                throw new IllegalArgumentException("no " + label + " latency in wrk output (--latency missing?)");
            }
            double value = Double.parseDouble(line.group(1));
            return switch (line.group(2)) {
                case "us" -> value / 1000;
                case "ms" -> value;
                default -> value * 1000;
            };
        }

        /** The requests that were not answered with 2xx/3xx or failed on the socket. */
        long failures() {
            return socketErrors + non2xx;
        }
    }

    /** Runs wrk against {@code url} with the given Host header; killed if it outlives its duration by 30 s. */
    Result run(String url, String host) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of("wrk", "-t" + threads, "-c" + connections,
                "-d" + duration.toSeconds() + "s", "--latency", "-H", "Host: " + host, url))
                .redirectErrorStream(true).start();
        if (!process.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("wrk did not finish within " + duration.plusSeconds(30));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("wrk exited with " + process.exitValue() + ":\n" + output);
        }
        return Result.parse(output);
    }
}
