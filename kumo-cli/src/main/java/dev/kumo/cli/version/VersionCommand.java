package dev.kumo.cli.version;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.cli.base.ClientVersion;
import dev.kumo.cli.client.ApiError;
import dev.kumo.cli.client.ServerUnreachable;
import dev.kumo.cli.output.ObjectPrinter;
import dev.kumo.cli.output.Output;
import dev.kumo.cli.output.OutputFormat;
import dev.kumo.cli.session.Session;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code kumo version}: prints the client version and the server's {@code gitVersion} if it answers. */
@Command(name = "version", description = "Print the client and server versions.")
public final class VersionCommand implements Callable<Integer> {

    private final Session session;

    public VersionCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Optional<JsonNode> server = serverVersion();
        Optional<Output> output = session.options().output()
                .filter(o -> o.format() != OutputFormat.name && o.format() != OutputFormat.url);
        if (output.isPresent()) {
            // As kubectl version -o json|yaml, and -o jsonpath over the same document.
            ObjectNode document = Json.object();
            document.putObject("clientVersion").put("gitVersion", ClientVersion.VERSION);
            server.ifPresent(s -> document.set("serverVersion", s));
            session.out().print(ObjectPrinter.format(document, output.get(), item -> "version"));
        } else {
            session.out().println("Client Version: " + ClientVersion.VERSION);
            server.ifPresent(s -> session.out().println("Server Version: " + s.path("gitVersion").asText("?")));
        }
        session.out().flush();
        return 0;
    }

    /** The server's version document; a server that cannot be asked is a warning, not a failure. */
    private Optional<JsonNode> serverVersion() {
        try {
            return Optional.of(session.client().version());
        } catch (ServerUnreachable | ApiError e) {
            session.warn(e.getMessage());
            return Optional.empty();
        }
    }
}
