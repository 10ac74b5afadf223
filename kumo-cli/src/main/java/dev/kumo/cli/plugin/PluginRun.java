package dev.kumo.cli.plugin;

import dev.kumo.cli.session.CliEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a plugin with the CLI's environment and returns its exit code. Run as a real command (the CLI's streams
 * are the process's), it gets the terminal itself; run in-process by a test, its output is copied into the
 * captured streams.
 */
public final class PluginRun {

    private PluginRun() {
    }

    public static int run(Plugins.Invocation plugin, CliEnvironment environment) {
        List<String> command = new ArrayList<>();
        command.add(plugin.executable().toString());
        command.addAll(plugin.arguments());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(environment.variables());
        boolean ownStreams = environment.stdin() == System.in;
        if (ownStreams) {
            builder.inheritIO();
        } else {
            builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        }
        try {
            Process process = builder.start();
            if (!ownStreams) {
                process.getOutputStream().close();
                Thread err = Thread.ofVirtual().start(() -> copy(process.getErrorStream(), environment.err()));
                copy(process.getInputStream(), environment.out());
                err.join();
            }
            return process.waitFor();
        } catch (IOException e) {
            environment.err().println("Error: cannot run plugin " + plugin.executable() + ": " + e.getMessage());
            environment.err().flush();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private static void copy(InputStream from, PrintWriter to) {
        try (Reader reader = new InputStreamReader(from, StandardCharsets.UTF_8)) {
            reader.transferTo(to);
            to.flush();
        } catch (IOException e) {
            to.flush();
        }
    }
}
