package dev.kumo.build.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.kumo.api.shipwright.BuildSource;
import dev.kumo.build.spi.BuildOutput;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * git clone of a remote source against a loopback HTTP server: a clone that hangs is killed when the run is
 * cancelled, and one that needs credentials fails at once rather than prompting.
 */
class SourceCheckoutCloneTest {

    /** A run's output kept for assertions, cancelled when the test says. */
    static final class Output implements BuildOutput {

        final List<String> lines = new CopyOnWriteArrayList<>();
        volatile boolean cancelled;

        @Override
        public void step(String name) {
            lines.add("[" + name + "]");
        }

        @Override
        public void line(String text) {
            lines.add(text);
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }
    }

    @TempDir
    Path dir;
    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch requested = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    /** A server answering {@code status} to every request, after the test ends when {@code hang}. */
    private String serve(int status, boolean hang) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            requested.countDown();
            if (hang) {
                try {
                    release.await(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"private\"");
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/repo.git";
    }

    private static BuildSource remote(String url) {
        return new BuildSource(BuildSource.GIT, null, new BuildSource.Git(url, null));
    }

    @Test
    void aCancelledCloneIsKilledThoughTheServerNeverAnswers() throws Exception {
        String url = serve(404, true);
        Output output = new Output();
        CompletableFuture<Throwable> ended = CompletableFuture.supplyAsync(() -> {
            try {
                SourceCheckout.checkout(remote(url), dir.resolve("workspace"), output);
                return null;
            } catch (Throwable e) {
                return e;
            }
        });
        assertThat(requested.await(30, TimeUnit.SECONDS)).as("git asked the server").isTrue();

        output.cancelled = true;

        Throwable thrown = await().atMost(Duration.ofSeconds(15)).until(() -> ended.getNow(null), e -> e != null);
        assertThat(thrown).isInstanceOf(InterruptedException.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.current().descendants()
                .noneMatch(p -> p.info().command().orElse("").contains("git")));
    }

    @Test
    void aRepositoryAskingForCredentialsFailsWithoutAPrompt() throws Exception {
        String url = serve(401, false);

        SourceCheckout.Result result = SourceCheckout.checkout(remote(url), dir.resolve("workspace"), new Output());

        assertThat(result).isInstanceOfSatisfying(SourceCheckout.Result.Failed.class, failed -> assertThat(
                String.join("\n", failed.failure().logTail())).contains("terminal prompts disabled"));
    }
}
