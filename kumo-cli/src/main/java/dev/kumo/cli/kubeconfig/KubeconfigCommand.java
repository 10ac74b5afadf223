package dev.kumo.cli.kubeconfig;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Manifests;
import dev.kumo.cli.config.ClientConfig;
import dev.kumo.cli.session.Session;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kumo kubeconfig [--merge]}: prints a kubeconfig for the current server, or merges it into kubectl's. */
@Command(name = "kubeconfig", description = {"Print a kubeconfig for this Kumo server (cluster, user and context "
        + "'kumo').", "With --merge, add it to --kubeconfig, $KUBECONFIG or ~/.kube/config and make it the current context."})
public final class KubeconfigCommand implements Callable<Integer> {

    @Option(names = "--merge", description = "Merge into --kubeconfig, $KUBECONFIG or ~/.kube/config instead of printing.")
    boolean merge;

    private final Session session;

    public KubeconfigCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ClientConfig config = session.configWithoutKubeconfig();
        ObjectNode document = Kubeconfig.document(config, session.namespace());
        if (!merge) {
            session.out().print(Manifests.writeYaml(document));
            session.out().flush();
            return 0;
        }
        Path file = session.options().kubeconfig().location(session.environment().variables(),
                session.environment().home());
        boolean existed = KubeconfigFile.merge(file, document);
        String trusting = config.certificateAuthority().map(ca -> ", trusting " + ca.file()).orElse("");
        session.out().println((existed ? "Merged" : "Wrote") + " cluster, user and context \"" + Kubeconfig.NAME
                + "\" (server " + config.server() + (config.token().isPresent() ? ", with token" : "") + trusting
                + ") into " + file + ".");
        session.out().println("Switched the current context to \"" + Kubeconfig.NAME
                + "\"; try 'kubectl get ksvc'.");
        session.out().flush();
        return 0;
    }
}
