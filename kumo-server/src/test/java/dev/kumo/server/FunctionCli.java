package dev.kumo.server;

import java.nio.file.Path;

/** {@code kumo func …} run in this JVM against one real server, for the functions' ITs. */
record FunctionCli(KumoServer server, InProcessCli cli) {

    /** Runs {@code kumo --server URL ARGS…}. */
    InProcessCli.Result kumo(String... args) {
        return cli.run(withServer(args));
    }

    /** Starts {@code kumo --server URL ARGS…} on a thread of its own ({@code func run}). */
    InProcessCli.Running start(String... args) {
        return cli.start(withServer(args));
    }

    /** {@code kumo func deploy -p DIR --runtime process}. */
    InProcessCli.Result deploy(Path dir) {
        return kumo("func", "deploy", "-p", dir.toString(), "--runtime", "process", "--wait-timeout", "120");
    }

    /** The URL of the function {@code name} in namespace default. */
    String url(String name) {
        return "http://" + name + ".default.localhost:" + server.ingressPort();
    }

    private String[] withServer(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--server";
        all[1] = server.apiUrl().toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return all;
    }
}
