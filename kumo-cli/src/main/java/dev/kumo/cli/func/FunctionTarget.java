package dev.kumo.cli.func;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.base.CliException;
import dev.kumo.cli.session.Session;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Which deployed function a command is about: NAME when given, else the one of the function's directory. */
final class FunctionTarget {

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "The function (default: func.yaml's name).")
    String name;

    @Mixin
    FunctionPath path = new FunctionPath();

    /** The function's name. */
    String name() {
        return name != null ? name : path.yaml().name();
    }

    /** The function's Service (one labelled as a function's); an error naming the fix when there is none. */
    ObjectNode service(Session session) {
        String target = name();
        String namespace = namespace(session);
        return session.client().find(ResourceTypes.SERVICE, namespace, target)
                .filter(s -> s.path("metadata").path("labels").has(FunctionService.NAME_LABEL))
                .orElseThrow(() -> new CliException("function '" + target + "' is not deployed in namespace '"
                        + namespace + "'", "'kumo func list -A' lists the deployed functions."));
    }

    /** Its namespace: {@code -n}, else (no NAME given) func.yaml's deploy.namespace, else the default. */
    String namespace(Session session) {
        return name != null ? session.namespace() : FunctionPath.namespace(session, path.yaml());
    }
}
