package dev.kumo.cli.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.base.CliException;
import dev.kumo.cli.base.DataArgument;
import dev.kumo.cli.client.PlainHttp;
import dev.kumo.cli.session.Session;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kumo service invoke NAME}: sends one request to the Service's URL through the router, as {@code knctl
 * curl} does: the request made on stderr (with its Host header), the response body on stdout.
 */
@Command(name = "invoke", description = "Send a request to a Knative Service's URL and print the response body.")
public final class ServiceInvokeCommand implements Callable<Integer> {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Parameters(paramLabel = "NAME", description = "The Service.")
    String name;

    @Option(names = "--path", paramLabel = "/PATH", defaultValue = "/", description = "Path and query to request "
            + "(default: /).")
    String path;

    @Option(names = {"-d", "--data"}, paramLabel = "STRING|@FILE", description = "Request body; @FILE reads it "
            + "from a file. Makes the default method POST.")
    String data;

    @Option(names = {"-X", "--request"}, paramLabel = "METHOD", description = "HTTP method (default: GET, or POST "
            + "with --data).")
    String method;

    @Option(names = {"-H", "--header"}, paramLabel = "'NAME: value'", description = "Request header (repeatable).")
    List<String> headers = new ArrayList<>();

    private final Session session;

    public ServiceInvokeCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException {
        JsonNode service = session.client().get(ResourceTypes.SERVICE, session.namespace(), name);
        String url = service.path("status").path("url").asText("");
        if (url.isEmpty()) {
            throw new CliException("service '" + name + "' has no URL yet", "Run 'kumo service describe " + name
                    + "' to see why it is not ready.");
        }
        URI uri = URI.create(url);
        if (!"http".equals(uri.getScheme())) {
            throw new CliException("cannot invoke " + url + ": only http URLs are supported");
        }
        for (String header : headers) {
            if (header.indexOf(':') <= 0) {
                throw new CliException("invalid --header '" + header + "': want 'NAME: value'");
            }
        }
        String target = path.startsWith("/") ? path : "/" + path;
        String verb = method != null ? method.toUpperCase(Locale.ROOT) : data != null ? "POST" : "GET";
        PlainHttp.Request request;
        try {
            request = new PlainHttp.Request(URI.create(url + target), verb, headers, body());
        } catch (IllegalArgumentException e) {
            throw new CliException("invalid --path '" + path + "': " + e.getMessage(), "Percent-encode spaces "
                    + "and other reserved characters, e.g. /search?q=a%20b.");
        }
        session.err().println("Sending " + verb + " http://" + request.host() + request.target() + " (Host: "
                + request.host() + ", connecting to " + request.connectHost() + ":" + request.port() + ")");
        session.err().flush();
        PlainHttp.Response response;
        try {
            response = PlainHttp.send(request, TIMEOUT);
        } catch (IOException e) {
            throw new CliException("sending " + verb + " " + url + target + ": " + e.getMessage(),
                    "Is the server running? Its router serves " + url + ".");
        }
        session.out().print(new String(response.body(), StandardCharsets.UTF_8));
        session.out().flush();
        if (response.code() / 100 != 2) {
            throw new CliException(url + target + " answered " + response.code() + " " + response.reason());
        }
        return 0;
    }

    private byte[] body() {
        try {
            return data == null ? new byte[0] : DataArgument.bytes(data);
        } catch (IOException e) {
            throw new CliException("invalid --data '" + data + "': " + e.getMessage());
        }
    }
}
