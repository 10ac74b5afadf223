package dev.kumo.cli.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.cli.output.Age;
import dev.kumo.cli.output.DescribeBlock;
import dev.kumo.cli.session.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Parameters;

/** {@code describe NAME} of a Build or a BuildRun: name, namespace, age, then the kind's own lines. */
abstract class DescribeVerb implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The object to describe.")
    String name;

    final Session session;
    private final ResourceType type;

    DescribeVerb(Session session, ResourceType type) {
        this.session = session;
        this.type = type;
    }

    /** Adds the kind's own attributes and sections to {@code block}. */
    abstract void describe(JsonNode object, DescribeBlock block);

    @Override
    public final Integer call() {
        JsonNode object = session.client().get(type, session.namespace(), name);
        if (session.printRaw(object, type)) {
            return 0;
        }
        DescribeBlock block = new DescribeBlock().attribute("Name", name).attribute("Namespace", session.namespace())
                .attribute("Age", Age.of(object, session.now()));
        describe(object, block);
        session.out().print(block.render());
        session.out().flush();
        return 0;
    }
}
