package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The dashboard of a test server as a browser reaches it: a one-time login link from {@code kumo dashboard}, the
 * login page going on to {@code /ui/}, and what the page shows read in one script.
 */
final class DashboardPage {

    private DashboardPage() {
    }

    /** A fresh login link, from {@code kumo dashboard} run with {@code home} against the server of {@code data}. */
    static String loginLink(ApiAccess access, Path home, Path data) {
        InProcessCli.Result result = new InProcessCli(home, data).run("dashboard");
        assertThat(result.exitCode()).as(result.err()).isZero();
        String link = result.out().lines().filter(l -> l.startsWith("https://")).findFirst().orElseThrow();
        assertThat(link).startsWith(access.url() + "/ui/login?code=");
        return link;
    }

    /** Opens {@code link} and waits for the login page's script to spend the code and go on to the dashboard. */
    static void signIn(ChromeDriver page, ApiAccess access, String link) {
        page.get(link);
        await("the login page going on to /ui/").atMost(Duration.ofSeconds(30)).until(page::getCurrentUrl,
                (access.url() + "/ui/")::equals);
    }

    /**
     * {@code expression} of each element {@code selector} finds (as {@code e}), read in one script: the page redraws
     * every second, so elements found in one call may be gone by the next.
     */
    static List<String> read(ChromeDriver page, String selector, String expression) {
        Object values = page.executeScript("return [...document.querySelectorAll(arguments[0])].map(e => String("
                + expression + "))", selector);
        return ((List<?>) values).stream().map(String::valueOf).toList();
    }
}
