package dev.kumo.server;

import java.nio.file.Path;

/** Server settings for tests: loopback, free ports, a durable SQLite store in a temporary directory. */
final class TestServers {

    private TestServers() {
    }

    static ServerConfig config(Path dataDir) {
        return new ServerConfig(dataDir, new ServerConfig.HostPort("127.0.0.1", 0),
                new ServerConfig.HostPort("127.0.0.1", 0), "sqlite", true, false);
    }

    /** As {@link #config}, but requiring the bearer token (and so serving HTTPS). */
    static ServerConfig requiringToken(Path dataDir) {
        return new ServerConfig(dataDir, new ServerConfig.HostPort("127.0.0.1", 0),
                new ServerConfig.HostPort("127.0.0.1", 0), "sqlite", true, true);
    }
}
