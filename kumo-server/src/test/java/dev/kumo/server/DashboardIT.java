package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.api.codec.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The dashboard in a real browser (headless Chromium): in through {@code kumo dashboard}'s one-time link, it shows a
 * Service's instances rising under load and its traffic split after an update, live through the API's watches; and
 * what stays closed — {@code /ui/} without credentials, a used link, the cookie from another origin, after logout.
 */
class DashboardIT {

    private static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";
    private static final String NAME = "dash";
    private static final int CLIENTS = 6;
    // A slow answer (0.4 s) with target 1 makes concurrent clients need more than one instance.
    private static final String APP = """
            import os, time
            from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
            class H(BaseHTTPRequestHandler):
                def do_GET(self):
                    time.sleep(0.4)
                    body = os.environ.get('K_REVISION', '').encode()
                    self.send_response(200)
                    self.send_header('Content-Length', str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                def log_message(self, *args):
                    pass
            ThreadingHTTPServer(('127.0.0.1', int(os.environ['PORT'])), H).serve_forever()
            """;

    @TempDir
    static Path temp;

    private static KumoServer server;
    private static TestApi api;
    private static ApiAccess access;

    @BeforeAll
    static void start() {
        server = KumoServer.start(TestServers.config(temp.resolve("data")));
        access = ApiAccess.of(server);
        api = new TestApi(access);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void showsInstancesRisingUnderLoadAndTheTrafficSplit() throws Exception {
        api.create(SERVICES, service("dash-00001", "first", ""));
        api.awaitCondition(SERVICES + "/" + NAME, "Ready", "True");
        try (Browser browser = Browser.start()) {
            ChromeDriver page = browser.driver();
            page.get(loginLink());
            awaitDashboard(page);
            await("the Service's card, Ready").atMost(Duration.ofSeconds(30)).until(() -> read(page,
                    "[data-service='default/dash'] .badge", "e.dataset.ready"), List.of("True")::equals);
            assertThat(read(page, "[data-service='default/dash'] a.url", "e.textContent"))
                    .containsExactly("http://dash.default.localhost:" + server.ingressPort());
            assertThat(segments(page)).containsExactly("dash-00001=100");
            browser.screenshot("1-ready");

            loadUntil(() -> peak(page, "dash-00001") >= 2);
            assertThat(peak(page, "dash-00001")).as("instances drawn at their peak").isGreaterThanOrEqualTo(2);
            assertThat(read(page, "[data-revision='dash-00001'] svg.instances polyline", "e.tagName"))
                    .containsExactly("polyline");
            browser.screenshot("2-scaled-out");

            // A second Revision taking 30% of the traffic under the tag "candidate".
            String split = """
                    ,"traffic":[{"revisionName":"dash-00001","percent":70},
                                {"revisionName":"dash-00002","percent":30,"tag":"candidate"}]""";
            assertThat(api.send("PATCH", SERVICES + "/" + NAME, service("dash-00002", "second", split),
                    "application/merge-patch+json").statusCode()).isEqualTo(200);
            await("the split drawn").atMost(Duration.ofSeconds(60)).until(() -> segments(page),
                    s -> s.equals(List.of("dash-00001=70", "dash-00002=30")));
            assertThat(read(page, ".segment[data-revision='dash-00002']", "e.textContent"))
                    .containsExactly("dash-00002 · candidate 30%");
            assertThat(read(page, "[data-service='default/dash'] [data-revision='dash-00002'] svg.instances",
                    "e.tagName")).containsExactly("svg");
            assertThat(read(page, "#events li .reason", "e.textContent")).as("recent Kubernetes Events")
                    .isNotEmpty();
            assertThat(page.findElement(By.id("status")).getText()).isEqualTo("live");
            assertThat(browser.screenshot("3-traffic-split")).isRegularFile();
        }
    }

    @Test
    void staysClosedWithoutCredentialsToAUsedLinkToOtherOriginsAndAfterLogout() throws Exception {
        HttpResponse<String> anonymous = plain("/ui/", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("<script", "app.js", "Services").contains("Unauthorized",
                "kumo dashboard");
        assertThat(plain("/ui/app.js", null, null).statusCode()).isEqualTo(401);

        String link = loginLink();
        try (Browser browser = Browser.start()) {
            ChromeDriver page = browser.driver();
            page.get(link);
            awaitDashboard(page);
            await().atMost(Duration.ofSeconds(30)).until(() -> page.findElement(By.id("status")).getText(),
                    "live"::equals);
            Cookie cookie = page.manage().getCookieNamed("kumo-session");
            assertThat(cookie.isHttpOnly()).isTrue();
            assertThat(cookie.isSecure()).as("the API serves HTTPS").isTrue();
            assertThat(cookie.getSameSite()).isEqualTo("Strict");
            assertThat(page.executeScript("return document.cookie")).as("no script reads it").isEqualTo("");

            String code = URI.create(link).getRawQuery().substring("code=".length());
            HttpResponse<String> used = access.client().send(HttpRequest.newBuilder(access.uri("/ui/login"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"code\":\"" + code + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(used.statusCode()).as("a used link").isEqualTo(401);
            assertThat(used.body()).contains("used already or has expired");

            String session = "kumo-session=" + cookie.getValue();
            assertThat(plain(SERVICES, session, null).statusCode()).as("the cookie, same origin").isEqualTo(200);
            assertThat(plain(SERVICES, session, "http://127.0.0.1:" + server.ingressPort()).statusCode())
                    .as("the cookie from another origin").isEqualTo(403);
            assertThat(plainWith(SERVICES, session, "Sec-Fetch-Site", "same-site").statusCode())
                    .as("the cookie from a same-site page of another port").isEqualTo(401);
            assertThat(api.send("DELETE", SERVICES + "/nothing", null, null).statusCode()).isEqualTo(404);
            assertThat(cookieWrite(session).statusCode()).as("a write with the cookie").isEqualTo(401);

            page.findElement(By.id("logout")).click();
            await().atMost(Duration.ofSeconds(10)).until(() -> page.findElement(By.tagName("body")).getText(),
                    text -> text.contains("Signed out"));
            assertThat(plain(SERVICES, session, null).statusCode()).as("after logout").isEqualTo(401);
            browser.screenshot("4-signed-out");
        }
    }

    /** Sends load through the ingress from {@link #CLIENTS} clients until {@code done} holds (at most 90 s). */
    private static void loadUntil(java.util.concurrent.Callable<Boolean> done) throws Exception {
        Ingress ingress = new Ingress(server);
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger served = new AtomicInteger();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < CLIENTS; c++) {
                pool.submit(() -> {
                    while (loading.get()) {
                        if (ingress.get(NAME + ".default.localhost", "/").statusCode() == 200) {
                            served.incrementAndGet();
                        }
                    }
                });
            }
            try {
                await("instances rising on the page").atMost(Duration.ofSeconds(90)).until(done);
            } finally {
                loading.set(false);
            }
        }
        assertThat(served.get()).isPositive();
    }

    /** Waits for the login page's script to spend the code and go on to the dashboard. */
    private static void awaitDashboard(ChromeDriver page) {
        await("the login page going on to /ui/").atMost(Duration.ofSeconds(30)).until(page::getCurrentUrl,
                (access.url() + "/ui/")::equals);
    }

    private static String loginLink() {
        InProcessCli.Result result = new InProcessCli(temp.resolve("home"), temp.resolve("data")).run("dashboard");
        assertThat(result.exitCode()).as(result.err()).isZero();
        String link = result.out().lines().filter(l -> l.startsWith("https://")).findFirst().orElseThrow();
        assertThat(link).startsWith(access.url() + "/ui/login?code=");
        return link;
    }

    /**
     * {@code expression} of each element {@code selector} finds (as {@code e}), read in one script: the page redraws
     * every second, so elements found in one call may be gone by the next.
     */
    private static List<String> read(ChromeDriver page, String selector, String expression) {
        Object values = page.executeScript("return [...document.querySelectorAll(arguments[0])].map(e => String("
                + expression + "))", selector);
        return ((List<?>) values).stream().map(String::valueOf).toList();
    }

    private static List<String> segments(ChromeDriver page) {
        return read(page, "[data-service='default/dash'] .segment[data-revision]",
                "e.dataset.revision + '=' + e.dataset.percent");
    }

    private static int peak(ChromeDriver page, String revision) {
        return read(page, "[data-revision='" + revision + "'][data-peak]", "e.dataset.peak").stream()
                .mapToInt(Integer::parseInt).max().orElse(0);
    }

    private static HttpResponse<String> plain(String path, String cookie, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(access.uri(path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return access.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> plainWith(String path, String cookie, String header, String value)
            throws Exception {
        return access.client().send(HttpRequest.newBuilder(access.uri(path)).header("Cookie", cookie)
                .header(header, value).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> cookieWrite(String cookie) throws Exception {
        return access.client().send(HttpRequest.newBuilder(access.uri(SERVICES)).header("Cookie", cookie)
                .header("Origin", access.url().toString()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(service("dash-evil", "evil", ""))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String service(String revision, String target, String traffic) {
        return """
                {"apiVersion":"serving.knative.dev/v1","kind":"Service","metadata":{"name":"%s"},
                 "spec":{"template":{"metadata":{"name":"%s","annotations":{"autoscaling.knative.dev/target":"1",
                     "autoscaling.knative.dev/max-scale":"4","autoscaling.knative.dev/window":"6s"}},
                   "spec":{"containers":[{"command":["python3"],"args":["-c",%s],
                     "env":[{"name":"TARGET","value":"%s"}]}]}}%s}}""".formatted(NAME, revision, Json.write(APP),
                target, traffic);
    }
}
