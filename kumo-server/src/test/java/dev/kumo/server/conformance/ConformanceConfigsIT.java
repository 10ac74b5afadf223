package dev.kumo.server.conformance;

import static dev.kumo.server.conformance.Kumo.CONFIGMAPS;
import static dev.kumo.server.conformance.Kumo.SECRETS;
import static dev.kumo.server.conformance.Kumo.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** TestConfigsViaEnv and TestSecretsViaEnv: ConfigMaps and Secrets reach the environment by key and whole. */
class ConformanceConfigsIT {

    @RegisterExtension
    static final Kumo kumo = Kumo.perClass();

    /** TestConfigsViaEnv. */
    @Test
    void configMapsViaEnv() {
        kumo.create(CONFIGMAPS, Workloads.configMap("settings", "greeting", "hello from a configmap"));
        ObjectNode service = Workloads.service("configs");
        Workloads.env(service).addObject().put("name", "GREETING").putObject("valueFrom")
                .putObject("configMapKeyRef").put("name", "settings").put("key", "greeting");
        Workloads.container(service).putArray("envFrom").addObject().put("prefix", "CM_")
                .putObject("configMapRef").put("name", "settings");
        kumo.create(SERVICES, service);
        kumo.awaitReady("configs");

        JsonNode env = kumo.callJson("configs", "/env");
        assertThat(env.path("GREETING").asText()).isEqualTo("hello from a configmap");
        assertThat(env.path("CM_greeting").asText()).isEqualTo("hello from a configmap");
    }

    /** TestSecretsViaEnv. */
    @Test
    void secretsViaEnv() {
        kumo.create(SECRETS, Workloads.secret("credentials", "password", "s3cr3t value"));
        ObjectNode service = Workloads.service("secrets");
        Workloads.env(service).addObject().put("name", "PASSWORD").putObject("valueFrom")
                .putObject("secretKeyRef").put("name", "credentials").put("key", "password");
        Workloads.container(service).putArray("envFrom").addObject()
                .putObject("secretRef").put("name", "credentials");
        kumo.create(SERVICES, service);
        kumo.awaitReady("secrets");

        JsonNode env = kumo.callJson("secrets", "/env");
        assertThat(env.path("PASSWORD").asText()).isEqualTo("s3cr3t value");
        assertThat(env.path("password").asText()).isEqualTo("s3cr3t value");
    }
}
