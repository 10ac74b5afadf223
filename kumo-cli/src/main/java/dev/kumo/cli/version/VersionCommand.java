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
import dev.kumo.cli.session.CodedCommand;
import dev.kumo.cli.session.Session;
import dev.kumo.cli.session.StandardHelp;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kumo version}: prints the client version and the server's {@code gitVersion} if it answers. Built in code
 * ({@link CodedCommand}), as an everyday call.
 */
public final class VersionCommand implements Callable<Integer>, CodedCommand {

    public static final Names NAMES = new Names("version", List.of(), List.of());

    private final Session session;

    public VersionCommand(Session session) {
        this.session = session;
    }

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(this).name(NAMES.name());
        spec.usageMessage().description("Print the client and server versions.");
        return StandardHelp.addTo(spec);
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
