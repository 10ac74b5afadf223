package dev.kumo.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs nghttp2's {@code h2load} (HTTP/2 with prior knowledge) for a bounded time and reads its figures:
 * {@code connections} connections of {@code streams} concurrent streams each.
 */
record H2load(int threads, int connections, int streams, Duration duration) {

    /** What one run reported: throughput, the mean time per request, the requests that failed or got no 2xx/3xx. */
    record Result(double requestsPerSecond, double meanMillis, long failures) {

        private static final Pattern RATE = Pattern.compile("finished in [^,]+, ([0-9.]+) req/s");
        private static final Pattern REQUESTS = Pattern.compile(
                "requests: (\\d+) total, (\\d+) started, (\\d+) done, (\\d+) succeeded, (\\d+) failed, (\\d+) errored");
        private static final Pattern TIME = Pattern.compile(
                "time for request:\\s+\\S+\\s+\\S+\\s+([0-9.]+)(us|ms|s)\\s");

        /** Parses h2load's text output. */
        static Result parse(String output) {
            Matcher rate = RATE.matcher(output);
            Matcher requests = REQUESTS.matcher(output);
            Matcher time = TIME.matcher(output);
            if (!rate.find() || !requests.find() || !time.find()) {
                throw new IllegalArgumentException("unexpected h2load output:\n" + output);
            }
            double mean = Double.parseDouble(time.group(1));
            mean = switch (time.group(2)) {
                case "us" -> mean / 1000;
                case "ms" -> mean;
                default -> mean * 1000;
            };
            // h2load's "failed" counts errored requests; a done request that did not succeed got no 2xx/3xx.
            long notSucceeded = Long.parseLong(requests.group(3)) - Long.parseLong(requests.group(4));
            return new Result(Double.parseDouble(rate.group(1)), mean,
                    Math.max(Long.parseLong(requests.group(5)), notSucceeded));
        }
    }

    /** Runs h2load against {@code url} with {@code :authority} {@code host}; killed if it outlives its time by 30 s. */
    Result run(String url, String host) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of("h2load", "-t" + threads, "-c" + connections,
                "-m" + streams, "-D" + duration.toSeconds(), "-H", ":authority: " + host, url))
                .redirectErrorStream(true).start();
        if (!process.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("h2load did not finish within " + duration.plusSeconds(30));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("h2load exited with " + process.exitValue() + ":\n" + output);
        }
        return Result.parse(output);
    }
}
