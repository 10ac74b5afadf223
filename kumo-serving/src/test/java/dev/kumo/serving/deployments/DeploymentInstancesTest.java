package dev.kumo.serving.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kumo.api.codec.Json;
import dev.kumo.api.serving.RevisionTemplateSpec;
import org.junit.jupiter.api.Test;

class DeploymentInstancesTest {

    @Test
    void aTemplateHashesAlikeAfterARoundTripThroughKubectlsTypes() throws JsonProcessingException {
        RevisionTemplateSpec applied = template("""
                {"metadata": {"labels": {"app": "web", "tier": "front"}},
                 "spec": {"containers": [{"name": "web", "image": "hello", "ports": [{"containerPort": 8080}]}]}}""");
        // What `kubectl rollout undo` patches back: Go's field order and sorted maps, empty structs, null times.
        RevisionTemplateSpec rolledBack = template("""
                {"metadata": {"creationTimestamp": null, "labels": {"tier": "front", "app": "web"}},
                 "spec": {"containers": [{"image": "hello", "name": "web", "ports": [{"containerPort": 8080}],
                 "resources": {}}]}}""");
        RevisionTemplateSpec other = template("""
                {"metadata": {"labels": {"app": "web", "tier": "front"}},
                 "spec": {"containers": [{"name": "web", "image": "hello2", "ports": [{"containerPort": 8080}]}]}}""");

        assertThat(DeploymentInstances.templateHash(rolledBack)).isEqualTo(DeploymentInstances.templateHash(applied))
                .matches("[bcdfghjklmnpqrstvwxz2456789]{10}");
        assertThat(DeploymentInstances.templateHash(other)).isNotEqualTo(DeploymentInstances.templateHash(applied));
    }

    private static RevisionTemplateSpec template(String json) throws JsonProcessingException {
        return Json.mapper().readValue(json, RevisionTemplateSpec.class);
    }
}
