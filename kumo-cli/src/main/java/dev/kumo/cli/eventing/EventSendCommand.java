package dev.kumo.cli.eventing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.base.CliException;
import dev.kumo.cli.base.DataArgument;
import dev.kumo.cli.client.PlainHttp;
import dev.kumo.cli.output.Conditions;
import dev.kumo.cli.session.Session;
import io.cloudevents.CloudEvent;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kumo event send --to broker:NAME|ksvc:NAME|URL --type T --source S ...}: builds a CloudEvent with the
 * CloudEvents SDK, POSTs it in binary (default) or structured mode, prints what it sent on stderr and the answer
 * (status, reply event or body) on stdout; fails (exit 1) on a non-2xx answer or a target with no address yet.
 */
@Command(name = "send", description = "Send a CloudEvent to a Broker, a Knative Service or a URL and print the "
        + "answer.")
final class EventSendCommand implements Callable<Integer> {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Option(names = "--to", required = true, paramLabel = "TARGET", description = "Where to send: "
            + "broker:NAME[:NAMESPACE], ksvc:NAME[:NAMESPACE] (or just NAME) or an http(s):// URL.")
    String to;

    @Option(names = {"-t", "--type"}, required = true, paramLabel = "TYPE", description = "The event's type, "
            + "e.g. com.example.order.created.")
    String type;

    @Option(names = {"-s", "--source"}, required = true, paramLabel = "SOURCE", description = "The event's source, "
            + "a URI reference, e.g. /my/producer.")
    String source;

    @Option(names = {"-i", "--id"}, paramLabel = "ID", description = "The event's id (default: a random UUID).")
    String id;

    @Option(names = "--subject", paramLabel = "SUBJECT", description = "The event's subject.")
    String subject;

    @Option(names = {"-e", "--extension"}, paramLabel = "NAME=VALUE", description = "A CloudEvents extension "
            + "attribute (repeatable).")
    List<String> extensions = new ArrayList<>();

    @Option(names = {"-d", "--data"}, paramLabel = "DATA|@FILE", description = "The event's data; @FILE reads it "
            + "from a file. Checked as JSON unless --content-type says otherwise.")
    String data;

    @Option(names = "--content-type", paramLabel = "TYPE", description = "The data's media type (default: "
            + EventFlags.JSON + ").")
    String contentType;

    @Option(names = "--structured", description = "Send in structured mode (application/cloudevents+json) "
            + "instead of binary mode (ce-* headers).")
    boolean structured;

    @Spec
    CommandSpec spec;

    private final Session session;

    EventSendCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        EventTarget target;
        CloudEvent event;
        try {
            target = EventTarget.parse(to);
            event = new EventFlags(type, source, id == null ? UUID.randomUUID().toString() : id,
                    Optional.ofNullable(subject), extensions, data(), Optional.ofNullable(contentType))
                    .toEvent(session.now());
        } catch (BadFlag e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Address address = address(target);
        EncodedEvent encoded = structured ? EncodedEvent.structured(event) : EncodedEvent.binary(event);
        PlainHttp.Request request = new PlainHttp.Request(address.url(), "POST", encoded.headers(), encoded.body());
        session.err().println("Sending event to " + address + " ("
                + (structured ? "structured" : "binary") + " mode" + via(request) + "):");
        EventText.attributes(event).forEach(session.err()::println);
        session.err().flush();
        PlainHttp.Response response;
        try {
            response = PlainHttp.send(request, TIMEOUT);
        } catch (IOException e) {
            throw new CliException("sending the event to " + address.url() + ": " + e.getMessage(),
                    "Is the server running, and is " + address + " up?");
        }
        session.out().print(EventText.answer(response));
        session.out().flush();
        if (response.code() / 100 != 2) {
            String body = new String(response.body(), StandardCharsets.UTF_8).strip().lines().findFirst()
                    .orElse("");
            throw new CliException(address.label() + " answered " + response.code() + " " + response.reason()
                    + (body.isEmpty() ? "" : ": " + body));
        }
        return 0;
    }

    /** Where the event goes, and how to name the target in messages. */
    private record Address(URI url, String label) {

        @Override
        public String toString() {
            return label.equals(url.toString()) ? label : label + " at " + url;
        }
    }

    private Address address(EventTarget target) {
        return switch (target) {
            case EventTarget.Url url -> new Address(url.url(), url.url().toString());
            case EventTarget.Broker broker -> brokerAddress(broker.name(), broker.namespace()
                    .orElse(session.namespace()));
            case EventTarget.Service service -> serviceAddress(service.name(), service.namespace()
                    .orElse(session.namespace()));
        };
    }

    private Address brokerAddress(String name, String namespace) {
        JsonNode broker = session.client().get(ResourceTypes.BROKER, namespace, name);
        String url = broker.at("/status/address/url").asText("");
        if (url.isEmpty()) {
            String why = Conditions.notReadyReason(broker);
            throw new CliException("broker '" + name + "' is not ready: it has no address yet"
                    + (why.isEmpty() || why.equals("<unknown>") ? "" : " (" + why + ")"),
                    "See 'kumo broker describe " + name + namespaceFlag(namespace) + "'.");
        }
        return new Address(URI.create(url), "broker '" + name + "'");
    }

    private Address serviceAddress(String name, String namespace) {
        JsonNode service = session.client().get(ResourceTypes.SERVICE, namespace, name);
        String url = service.at("/status/url").asText("");
        if (url.isEmpty()) {
            throw new CliException("service '" + name + "' has no URL yet", "Run 'kumo service describe " + name
                    + namespaceFlag(namespace) + "' to see why it is not ready.");
        }
        return new Address(URI.create(url), "service '" + name + "'");
    }

    private static String namespaceFlag(String namespace) {
        return namespace.equals(Session.DEFAULT_NAMESPACE) ? "" : " -n " + namespace;
    }

    /** The Host header and the connect address, when they differ from what the URL says. */
    private static String via(PlainHttp.Request request) {
        return request.connectHost().equals(request.url().getHost()) ? ""
                : ", Host: " + request.host() + ", connecting to " + request.connectHost() + ":" + request.port();
    }

    private Optional<byte[]> data() {
        try {
            return data == null ? Optional.empty() : Optional.of(DataArgument.bytes(data));
        } catch (IOException e) {
            throw new BadFlag("invalid --data '" + data + "': " + e.getMessage());
        }
    }
}
