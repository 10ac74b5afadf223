package dev.kumo.cli.func;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.base.CliException;
import dev.kumo.cli.base.DataArgument;
import dev.kumo.cli.client.PlainHttp;
import dev.kumo.cli.eventing.EventText;
import dev.kumo.cli.session.Session;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kumo func invoke}: sends the function a request, or a CloudEvent in binary mode, as knative func does: to
 * the local run when there is one, else to the deployed function ({@code --target local|remote|URL} to choose).
 */
@Command(name = "invoke", description = "Send the function an HTTP request or a CloudEvent and print the answer.")
public final class FuncInvokeCommand implements Callable<Integer> {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Mixin
    FunctionPath path = new FunctionPath();

    @Option(names = "--target", paramLabel = "local|remote|URL", description = "Where to send it: the local run "
            + "(kumo func run), the deployed function, or a URL (default: local when running, else remote).")
    String target;

    @Option(names = {"-f", "--format"}, paramLabel = "http|cloudevent", description = "What to send (default: "
            + "func.yaml's invoke, http or cloudevent).")
    String format;

    @Option(names = "--data", paramLabel = "STRING|@FILE", defaultValue = "{\"message\":\"Hello World\"}",
            description = "The body or the event's data (default: ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--content-type", paramLabel = "TYPE", defaultValue = "application/json",
            description = "The data's content type (default: ${DEFAULT-VALUE}).")
    String contentType;

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = "dev.kumo.func.invoke",
            description = "The event's type (default: ${DEFAULT-VALUE}).")
    String type;

    @Option(names = "--source", paramLabel = "SOURCE", defaultValue = "/kumo/func/invoke",
            description = "The event's source (default: ${DEFAULT-VALUE}).")
    String source;

    @Option(names = "--id", paramLabel = "ID", description = "The event's id (default: a random UUID).")
    String id;

    @Spec
    CommandSpec spec;

    private final Session session;

    public FuncInvokeCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException {
        FuncYaml yaml = path.yaml();
        boolean event = switch (format == null ? yaml.kind().invoke() : format) {
            case "http" -> false;
            case "cloudevent" -> true;
            default -> throw new ParameterException(spec.commandLine(), "unknown --format '" + format
                    + "': want http or cloudevent");
        };
        URI url = url(yaml);
        List<String> headers = new ArrayList<>(List.of("Content-Type: " + contentType));
        if (event) {
            headers.addAll(List.of("ce-specversion: 1.0", "ce-id: " + (id == null ? UUID.randomUUID() : id),
                    "ce-source: " + source, "ce-type: " + type));
        }
        PlainHttp.Request request = new PlainHttp.Request(url, "POST", headers, DataArgument.bytes(data));
        session.err().println("Invoking " + (event ? "cloudevent" : "http") + " function " + yaml.name() + " at "
                + url);
        session.err().flush();
        PlainHttp.Response response;
        try {
            response = PlainHttp.send(request, TIMEOUT);
        } catch (IOException e) {
            throw new CliException("invoking " + yaml.name() + " at " + url + ": " + e.getMessage(),
                    "Is it running? 'kumo func run' runs it here, 'kumo func deploy' deploys it.");
        }
        String answer = event ? EventText.answer(response) : new String(response.body(), StandardCharsets.UTF_8);
        session.out().print(answer.isEmpty() || answer.endsWith("\n") ? answer : answer + "\n");
        session.out().flush();
        if (response.code() / 100 != 2) {
            throw new CliException(url + " answered " + response.code() + " " + response.reason());
        }
        return 0;
    }

    private URI url(FuncYaml yaml) {
        Optional<URI> local = LocalRun.url(path.dir());
        String chosen = target != null ? target : local.isPresent() ? "local" : "remote";
        return switch (chosen) {
            case "local" -> local.orElseThrow(() -> new CliException("function " + yaml.name() + " is not running "
                    + "here", "Run it with 'kumo func run' first, or invoke the deployed one with --target remote."));
            case "remote" -> remote(yaml);
            default -> {
                if (!chosen.startsWith("http://")) {
                    throw new ParameterException(spec.commandLine(), "invalid --target '" + chosen + "': want "
                            + "local, remote or an http:// URL");
                }
                yield URI.create(chosen);
            }
        };
    }

    private URI remote(FuncYaml yaml) {
        String namespace = FunctionPath.namespace(session, yaml);
        JsonNode service = session.client().find(ResourceTypes.SERVICE, namespace, yaml.name())
                .orElseThrow(() -> new CliException("function " + yaml.name() + " is not deployed in namespace '"
                        + namespace + "'", "Deploy it with 'kumo func deploy' (an image) or 'kumo func deploy "
                        + "--runtime process'."));
        String url = service.path("status").path("url").asText("");
        if (url.isEmpty()) {
            throw new CliException("function " + yaml.name() + " has no URL yet", "Run 'kumo func describe' to "
                    + "see why it is not ready.");
        }
        return URI.create(url + "/");
    }
}
