package dev.kumo.cli.route;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.output.Age;
import dev.kumo.cli.output.ConditionLines;
import dev.kumo.cli.output.DescribeBlock;
import dev.kumo.cli.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kumo route describe NAME}: the Route, its URL, traffic targets and conditions. */
@Command(name = "describe", description = "Show details of a Knative Route.")
public final class RouteDescribeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The Route.")
    String name;

    private final Session session;

    public RouteDescribeCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        JsonNode route = session.client().get(ResourceTypes.ROUTE, session.namespace(), name);
        if (session.printRaw(route, ResourceTypes.ROUTE)) {
            return 0;
        }
        JsonNode metadata = route.path("metadata");
        session.out().print(new DescribeBlock()
                .attribute("Name", metadata.path("name").asText())
                .attribute("Namespace", metadata.path("namespace").asText())
                .attribute("Age", Age.of(route, session.now()))
                .attribute("URL", route.path("status").path("url").asText(""))
                .attribute("Service", metadata.path("labels").path("serving.knative.dev/service").asText(""))
                .section("Traffic Targets", targets(route))
                .section("Conditions", ConditionLines.of(route, session.now()))
                .render());
        session.out().flush();
        return 0;
    }

    /** {@code 100%  @latest (hello-00001) #tag}, one per {@code status.traffic} target. */
    static List<String> targets(JsonNode route) {
        List<String> lines = new ArrayList<>();
        for (JsonNode target : route.path("status").path("traffic")) {
            String revision = target.path("revisionName").asText("");
            String label = target.path("latestRevision").asBoolean(false) ? "@latest (" + revision + ")" : revision;
            String tag = target.path("tag").asText("");
            lines.add(String.format("%3d%%  %s%s", target.path("percent").asLong(0), label,
                    tag.isEmpty() ? "" : " #" + tag));
        }
        return lines;
    }
}
