package dev.kumo.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * nginx in the two roles the router benchmark needs: the backend workload (a 12-byte static answer, run by Kumo as
 * a Service through a shell script that listens on {@code $PORT}) and the reverse proxy baseline (started here, keeps
 * pooled keep-alive connections to the backend). Every file lives in a temporary directory; bound to 127.0.0.1.
 */
final class Nginx implements AutoCloseable {

    /** The backend's answer: 12 bytes, as in the measurements in dependencies.md. */
    static final String BODY = "hello world\n";

    private final Process process;
    private final int port;

    private Nginx(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The HTTP/1.1 port the proxy listens on. */
    int port() {
        return port;
    }

    /**
     * Writes the backend script into {@code dir} and answers its path. Run with PORT and K_SERVICE set (as Kumo's
     * process runtime does), it writes {@code dir/backend-$K_SERVICE/port} and execs a one-worker nginx on $PORT,
     * listening for h2c too on the port in {@code dir/h2port-$K_SERVICE} if that file exists.
     */
    static Path writeBackendScript(Path dir) throws IOException {
        Files.writeString(dir.resolve("backend.conf.in"), """
                worker_processes 1;
                pid nginx.pid;
                error_log error.log warn;
                events { worker_connections 4096; }
                http {
                    access_log off;
                    keepalive_requests 1000000;
                    server {
                        listen 127.0.0.1:@PORT@;
                        @H2@
                        location / { return 200 "hello world\\n"; }
                    }
                }
                """);
        Path script = dir.resolve("backend.sh");
        Files.writeString(script, """
                #!/bin/sh
                # The benchmark workload: nginx answering 12 bytes on $PORT, one worker, in the foreground.
                set -e
                base="$(dirname "$0")"
                dir="$base/backend-$K_SERVICE"
                mkdir -p "$dir"
                # A file h2port-$K_SERVICE asks for a second listener speaking h2c (prior knowledge) on that port.
                h2=""
                if [ -f "$base/h2port-$K_SERVICE" ]; then
                  h2="listen 127.0.0.1:$(cat "$base/h2port-$K_SERVICE") http2;"
                fi
                sed -e "s/@PORT@/$PORT/" -e "s/@H2@/$h2/" "$base/backend.conf.in" > "$dir/nginx.conf"
                echo "$PORT" > "$dir/port"
                exec nginx -p "$dir/" -e "$dir/error.log" -c "$dir/nginx.conf" -g 'daemon off;'
                """);
        return script;
    }

    /** The port a backend run for Service {@code service} by {@link #writeBackendScript} listens on. */
    static int backendPort(Path dir, String service) throws IOException {
        return Integer.parseInt(Files.readString(dir.resolve("backend-" + service).resolve("port")).strip());
    }

    /**
     * Starts nginx as a keep-alive reverse proxy on {@code port} (HTTP/1.1) and {@code h2Port} (h2c with prior
     * knowledge) to {@code 127.0.0.1:upstreamPort}.
     */
    static Nginx startProxy(Path dir, int port, int h2Port, int upstreamPort, int workers) throws IOException,
            InterruptedException {
        Path prefix = Files.createDirectories(dir.resolve("proxy"));
        Path conf = prefix.resolve("nginx.conf");
        Files.writeString(conf, """
                worker_processes %d;
                pid nginx.pid;
                error_log error.log warn;
                events { worker_connections 4096; }
                http {
                    access_log off;
                    keepalive_requests 1000000;
                    upstream backend {
                        server 127.0.0.1:%d;
                        keepalive 128;
                        keepalive_requests 1000000;
                    }
                    server {
                        listen 127.0.0.1:%d;
                        listen 127.0.0.1:%d http2;
                        location / {
                            proxy_pass http://backend;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                        }
                    }
                }
                """.formatted(workers, upstreamPort, port, h2Port));
        Process process = new ProcessBuilder(List.of("nginx", "-p", prefix + "/", "-e",
                prefix.resolve("error.log").toString(), "-c", conf.toString(), "-g", "daemon off;"))
                .redirectErrorStream(true).redirectOutput(prefix.resolve("stdout.log").toFile()).start();
        Nginx nginx = new Nginx(process, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!accepts(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                nginx.close();
                throw new IOException("nginx proxy did not listen on " + port + "; see " + prefix);
            }
            Thread.sleep(10); // polling a port: there is nothing to be notified by
        }
        return nginx;
    }

    /** CPU time of the master and its workers so far, in nanoseconds. */
    long cpuNanos() throws IOException {
        return CpuTime.ofTree(process.toHandle());
    }

    /** RSS of the master and its workers, in MiB. */
    double rssMiB() throws IOException {
        return Rss.treeMib(process.toHandle());
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fast shutdown (SIGTERM); SIGKILL to the master and its workers if it lingers. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> workers = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        workers.forEach(ProcessHandle::destroyForcibly);
    }
}
