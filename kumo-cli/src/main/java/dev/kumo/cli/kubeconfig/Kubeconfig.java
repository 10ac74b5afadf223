package dev.kumo.cli.kubeconfig;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.cli.client.TrustedCertificates;
import dev.kumo.cli.config.ClientConfig;
import java.util.Base64;

/** The kubeconfig entries for one Kumo server: cluster, user and context all named {@value #NAME}. */
public final class Kubeconfig {

    /** The name of the cluster, user and context. */
    public static final String NAME = "kumo";

    private Kubeconfig() {
    }

    /** A whole kubeconfig document whose current context is the Kumo one. */
    public static ObjectNode document(ClientConfig config, String namespace) {
        ObjectNode document = Json.object().put("apiVersion", "v1").put("kind", "Config");
        document.putArray("clusters").add(cluster(config));
        document.putArray("contexts").add(context(namespace));
        document.put("current-context", NAME);
        document.putObject("preferences");
        document.putArray("users").add(user(config));
        return document;
    }

    /** The cluster: the server, and for https the certificate to trust, inline as kubectl wants it. */
    static ObjectNode cluster(ClientConfig config) {
        ObjectNode entry = Json.object().put("name", NAME);
        ObjectNode cluster = entry.putObject("cluster");
        config.certificateAuthority().ifPresent(ca -> cluster.put("certificate-authority-data",
                Base64.getEncoder().encodeToString(TrustedCertificates.pem(ca))));
        cluster.put("server", config.server().toString());
        return entry;
    }

    static ObjectNode user(ClientConfig config) {
        ObjectNode entry = Json.object().put("name", NAME);
        ObjectNode user = entry.putObject("user");
        config.token().ifPresent(token -> user.put("token", token));
        return entry;
    }

    static ObjectNode context(String namespace) {
        ObjectNode entry = Json.object().put("name", NAME);
        entry.putObject("context").put("cluster", NAME).put("namespace", namespace).put("user", NAME);
        return entry;
    }
}
