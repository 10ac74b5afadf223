package dev.kumo.server;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server settings for tests: loopback, free ports, a durable SQLite store in a temporary directory, and the secure
 * default (the bearer token over HTTPS) like every {@code kumo server}.
 */
final class TestServers {

    /** The data directories handed out, so that a test holding only a server's URL finds its token and CA. */
    private static final Set<Path> DATA_DIRS = ConcurrentHashMap.newKeySet();

    private TestServers() {
    }

    static ServerConfig config(Path dataDir) {
        track(dataDir);
        return new ServerConfig(dataDir, new ServerConfig.HostPort("127.0.0.1", 0),
                new ServerConfig.HostPort("127.0.0.1", 0), "sqlite", true, true);
    }

    /** As {@link #config}: the token (and so HTTPS) is the default; kept for the tests that say so. */
    static ServerConfig requiringToken(Path dataDir) {
        return config(dataDir);
    }

    /** As {@code kumo server --insecure-no-auth}: no token, plain HTTP. Only for tests about that flag. */
    static ServerConfig insecureNoAuth(Path dataDir) {
        track(dataDir);
        return new ServerConfig(dataDir, new ServerConfig.HostPort("127.0.0.1", 0),
                new ServerConfig.HostPort("127.0.0.1", 0), "sqlite", true, false);
    }

    /** Remembers a test server's data directory for {@link #byUrl}. */
    static void track(Path dataDir) {
        DATA_DIRS.add(dataDir);
    }

    /**
     * The access to the running test server whose API is on {@code base}'s port, for tests written when the API
     * was plain HTTP without a token ({@code "http://127.0.0.1:" + server.apiPort()}).
     */
    static Optional<ApiAccess> byUrl(String base) {
        int port = URI.create(base).getPort();
        // The newest api-url first: a stopped server's file stays behind, and its port may be another's now.
        return DATA_DIRS.stream().filter(dir -> Files.isRegularFile(dir.resolve("api-url")))
                .sorted(Comparator.comparing((Path dir) -> modified(dir.resolve("api-url"))).reversed())
                .map(ApiAccess::of).filter(access -> access.url().getPort() == port).findFirst();
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
