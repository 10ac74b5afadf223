package dev.kumo.cli.func;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.output.Conditions;
import dev.kumo.cli.session.Session;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kumo func describe [NAME]}: a deployed function as knative func describes it. */
@Command(name = "describe", aliases = "info", description = "Describe a deployed function.")
public final class FuncDescribeCommand implements Callable<Integer> {

    @Mixin
    FunctionTarget target = new FunctionTarget();

    private final Session session;

    public FuncDescribeCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        String name = target.name();
        String namespace = target.namespace(session);
        ObjectNode service = target.service(session);
        if (session.printRaw(service, ResourceTypes.SERVICE)) {
            return 0;
        }
        JsonNode metadata = service.path("metadata");
        JsonNode template = service.path("spec").path("template");
        JsonNode container = template.path("spec").path("containers").path(0);
        PrintWriter out = session.out();
        out.println("Function name:");
        out.println("  " + name);
        out.println("Function runtime:");
        out.println("  " + metadata.path("labels").path(FunctionService.RUNTIME_LABEL).asText());
        if (container.hasNonNull("image")) {
            out.println("Function is built in image:");
            out.println("  " + container.path("image").asText());
        } else {
            out.println("Function runs as a host process from:");
            out.println("  " + container.path("workingDir").asText());
        }
        out.println("Function is deployed in namespace:");
        out.println("  " + namespace);
        out.println("Routes:");
        out.println("  " + service.path("status").path("url").asText("<none yet>"));
        out.println("Latest revision:");
        out.println("  " + service.path("status").path("latestReadyRevisionName").asText("<none ready>")
                + " (Ready: " + Conditions.ready(service) + ")");
        out.flush();
        return 0;
    }
}
