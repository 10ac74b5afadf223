package dev.kumo.cli.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.cli.base.CliException;
import dev.kumo.cli.session.Session;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kumo dashboard}: asks the server for a one-time login link to its web dashboard (as Jupyter's) and prints
 * it; with {@code --open}, also opens it in the desktop's browser ({@code xdg-open}).
 */
@Command(name = "dashboard", description = "Print a one-time login link to the server's web dashboard "
        + "(valid 60 s, opens one session).")
public final class DashboardCommand implements Callable<Integer> {

    private final Session session;

    @Option(names = "--open", description = "Also open the link in the desktop's browser (xdg-open).")
    boolean open;

    public DashboardCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ObjectNode login = session.client().dashboardLogin();
        String url = session.client().server().toString().replaceAll("/+$", "") + login.path("path").asText();
        session.out().println("Open the dashboard (this link works once, within "
                + login.path("expiresInSeconds").asLong() + " s):");
        session.out().println(url);
        session.out().flush();
        if (open) {
            open(url);
        }
        return 0;
    }

    private static void open(String url) {
        try {
            new ProcessBuilder("xdg-open", url).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new CliException("--open: could not run xdg-open (" + e.getMessage() + "); open the link above "
                    + "in a browser instead, or leave out --open");
        }
    }
}
