package dev.kumo.server;

import static dev.kumo.server.DashboardPage.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.api.serving.autoscaling.AutoscalerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard's serving views in a real browser (headless Chromium), live, for samples/hello-python run as a
 * process and scaled to zero: under load its card shows a non-zero request rate and the cold start split into
 * platform and workload; the logs tail shows the line the request made the workload print; the usage view a row
 * with the requests.
 */
class DashboardServingIT {

    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final Path SAMPLE = Path.of("..", "samples", "hello-python").toAbsolutePath().normalize();
    private static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";
    private static final String PODS = "/api/v1/namespaces/default/pods?labelSelector="
            + "serving.knative.dev%2Fservice%3Dserved";
    private static final String REVISION = "served-00001";
    private static final String ROW = "[data-service='default/served'] [data-revision='" + REVISION + "']";
    private static final String PROBE = "/from-dashboard-serving-it";
    private static final String ACTIVITY = "/apis/serving.kumo.dev/v1alpha1/namespaces/default/activity";

    @TempDir
    static Path temp;

    private static KumoServer server;
    private static ApiAccess access;
    private static TestApi api;

    @BeforeAll
    static void start() {
        // Scales to zero within seconds: a 6 s stable window and a 1 s grace period.
        server = KumoServer.start(TestServers.config(temp.resolve("data")).withAutoscaler(AutoscalerConfig.parse(
                Map.of("stable-window", "6s", "scale-to-zero-grace-period", "1s"))));
        access = ApiAccess.of(server);
        api = new TestApi(access);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void showsTheRequestRateTheColdStartSplitTheWorkloadsLogAndTheUsage() throws Exception {
        api.create(SERVICES, "{\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":\"Service\",\"metadata\":{\"name\":"
                + "\"served\"},\"spec\":{\"template\":{\"metadata\":{\"annotations\":{"
                + "\"autoscaling.knative.dev/window\":\"6s\"}},\"spec\":{\"containers\":[{\"command\":[\"python3\"],"
                + "\"args\":[\"app.py\"],\"workingDir\":\"" + SAMPLE + "\"}]}}}}");
        api.awaitCondition(SERVICES + "/served", "Ready", "True");
        await("the first instance shown as a Pod").atMost(SETTLE).until(() -> !api.get(PODS).path("items").isEmpty());
        await("scaled to zero").atMost(SETTLE).until(() -> api.get(PODS).path("items").isEmpty());

        try (Browser browser = Browser.start()) {
            ChromeDriver page = DashboardPage.open(browser, temp, access);
            await("the Revision's row").atMost(SETTLE).until(() -> read(page, ROW + " .activity", "e.tagName"),
                    List.of("DIV")::equals);
            await("the Revision offered in the logs picker").atMost(SETTLE).until(() -> read(page,
                    "#log-revision option", "e.value").contains("default/" + REVISION));
            new Select(page.findElement(By.id("log-revision"))).selectByValue("default/" + REVISION);

            loadUntil(() -> assertThat(rate(page) > 0 && coldStarts(page) >= 1).as("the page's activity %s and "
                    + "status '%s'; the server's %s", read(page, ROW + " .activity", "e.textContent"),
                    page.findElement(By.id("status")).getText(), api.get(ACTIVITY)).isTrue());
            assertThat(read(page, ROW + " .activity .now", "e.textContent")).singleElement().asString()
                    .matches("[0-9.]+ req/s").isNotEqualTo("0.0 req/s");
            assertThat(read(page, ROW + " svg.rates polyline", "e.tagName")).containsExactly("polyline");
            assertThat(read(page, ROW + " .cold-split .part", "e.dataset.part")).as("the latest cold start's split")
                    .containsExactly("platform", "workload");
            assertThat(read(page, ROW + " .cold-split .part", "Number(e.dataset.ms) >= 0"))
                    .containsExactly("true", "true");
            assertThat(read(page, ROW + " .cold-split .part.workload", "e.textContent")).singleElement().asString()
                    .matches("workload [0-9]+ ms");
            browser.screenshot("serving-1-rate-and-cold-start");

            await("the request's line in the logs tail").atMost(SETTLE).until(() -> read(page, "#log-lines .line",
                    "e.textContent").stream().anyMatch(line -> line.contains("GET " + PROBE)));
            assertThat(read(page, "#log-lines", "e.dataset.following")).containsExactly("default/" + REVISION);
            assertThat(read(page, "#log-lines .line", "e.children.length")).as("lines are text, not markup")
                    .containsOnly("0");
            scrollTo(page, "log-lines");
            browser.screenshot("serving-2-logs");

            await("a usage row with the requests").atMost(SETTLE).until(() -> read(page,
                    "#usage-table tr[data-revision='" + REVISION + "']", "e.dataset.requests").stream()
                    .anyMatch(requests -> Long.parseLong(requests) > 0));
            assertThat(read(page, "#usage-table th", "e.textContent")).startsWith("NAMESPACE", "SERVICE", "REVISION",
                    "REQUESTS");
            page.findElement(By.cssSelector("#usage-periods button[data-period='7d']")).click();
            await("the usage of 7 days").atMost(Duration.ofSeconds(30)).until(() -> read(page,
                    "#usage-periods button.picked", "e.dataset.period"), List.of("7d")::equals);
            await().atMost(Duration.ofSeconds(30)).until(() -> read(page,
                    "#usage-table tr[data-revision='" + REVISION + "']", "e.dataset.requests").size() == 1);
            assertThat(page.findElement(By.id("status")).getText()).isEqualTo("live");
            scrollTo(page, "usage-table");
            assertThat(browser.screenshot("serving-3-usage")).isRegularFile();
        }
    }

    /** Sends requests through the ingress from two clients until {@code done} holds (at most 90 s). */
    private static void loadUntil(org.awaitility.core.ThrowingRunnable done) throws Exception {
        Ingress ingress = new Ingress(server);
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger served = new AtomicInteger();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < 2; c++) {
                pool.submit(() -> {
                    while (loading.get()) {
                        if (ingress.get("served.default.localhost", PROBE).statusCode() == 200) {
                            served.incrementAndGet();
                        }
                    }
                });
            }
            try {
                await("a request rate and a cold start on the page").atMost(SETTLE).untilAsserted(done);
            } finally {
                loading.set(false);
            }
        }
        assertThat(served.get()).isPositive();
    }

    private static double rate(ChromeDriver page) {
        return read(page, ROW + " .activity", "e.dataset.rate").stream().mapToDouble(Double::parseDouble).max()
                .orElse(0);
    }

    private static long coldStarts(ChromeDriver page) {
        return read(page, ROW + " .cold", "e.dataset.coldStarts").stream().mapToLong(Long::parseLong).max()
                .orElse(0);
    }

    private static void scrollTo(ChromeDriver page, String id) {
        ((JavascriptExecutor) page).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }
}
