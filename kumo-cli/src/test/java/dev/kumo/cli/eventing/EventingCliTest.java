package dev.kumo.cli.eventing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import dev.kumo.cli.testing.CliResult;
import dev.kumo.cli.testing.CliRunner;
import dev.kumo.cli.testing.FakeApiServer;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** What the eventing command tests share: the CLI run against a fake API server, and the last body it was sent. */
abstract class EventingCliTest {

    @TempDir
    Path home;

    final FakeApiServer server = FakeApiServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    CliResult kumo(String... args) {
        return CliRunner.against(server.baseUrl(), home).run(args);
    }

    /** Runs {@code command} followed by {@code flags}, as the update tables do. */
    CliResult kumo(List<String> command, List<String> flags) {
        return kumo(Stream.concat(command.stream(), flags.stream()).toArray(String[]::new));
    }

    JsonNode lastBody() {
        return Json.parseObject(server.requests().getLast().body());
    }
}
