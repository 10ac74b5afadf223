package dev.kumo.cli.func;

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

    /** Its namespace: {@code -n}, else (no NAME given) func.yaml's deploy.namespace, else the default. */
    String namespace(Session session) {
        return name != null ? session.namespace() : FunctionPath.namespace(session, path.yaml());
    }
}
