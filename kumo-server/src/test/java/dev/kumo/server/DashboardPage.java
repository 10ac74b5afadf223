package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;

/** The dashboard opened in a {@link Browser} as a user does: {@code kumo dashboard}'s one-time link, then {@code /ui/}. */
final class DashboardPage {

    private DashboardPage() {
    }

    /** Opens the dashboard of the server whose CLI home and data directory are under {@code temp}. */
    static ChromeDriver open(Browser browser, Path temp, ApiAccess access) {
        InProcessCli.Result result = new InProcessCli(temp.resolve("home"), temp.resolve("data")).run("dashboard");
        assertThat(result.exitCode()).as(result.err()).isZero();
        String link = result.out().lines().filter(l -> l.startsWith("https://")).findFirst().orElseThrow();
        ChromeDriver page = browser.driver();
        page.get(link);
        await("the login page going on to /ui/").atMost(Duration.ofSeconds(30)).until(page::getCurrentUrl,
                (access.url() + "/ui/")::equals);
        return page;
    }

    /**
     * {@code expression} of each element {@code selector} finds (as {@code e}), read in one script: the page redraws
     * as data arrives, so elements found in one call may be gone by the next.
     */
    static List<String> read(ChromeDriver page, String selector, String expression) {
        Object values = page.executeScript("return [...document.querySelectorAll(arguments[0])].map(e => String("
                + expression + "))", selector);
        return ((List<?>) values).stream().map(String::valueOf).toList();
    }
}
