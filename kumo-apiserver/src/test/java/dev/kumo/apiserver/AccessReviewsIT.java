package dev.kumo.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.store.rbac.RbacDefaults;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Who a request runs as and what RBAC lets it do, over HTTP: the token's holder is an admin; impersonation headers
 * run a request as that subject, refused in Kubernetes' 403 wording; the access reviews answer in their status.
 */
class AccessReviewsIT {

    private static final String SA = "system:serviceaccount:default:events-sa";
    private static final String REVIEWS = "/apis/authorization.k8s.io/v1/";

    private final ApiFixture api = new ApiFixture(Optional.of("s3cret"));

    AccessReviewsIT() {
        RbacDefaults.ensure(api.store);
        api.store.create(ResourceTypes.ROLE, Json.parseObject("""
                {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role",
                 "metadata": {"name": "event-watcher", "namespace": "default"},
                 "rules": [{"apiGroups": [""], "resources": ["events"], "verbs": ["get", "list", "watch"]}]}
                """));
        api.store.create(ResourceTypes.ROLE_BINDING, Json.parseObject("""
                {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
                 "metadata": {"name": "k8s-ra-event-watcher", "namespace": "default"},
                 "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "event-watcher"},
                 "subjects": [{"kind": "ServiceAccount", "name": "events-sa", "namespace": "default"}]}
                """));
    }

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void impersonationWithoutTheTokenIsUnauthorized() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base()
                + "/api/v1/namespaces/default/configmaps")).header("Impersonate-User", "kumo-admin")
                .header("Impersonate-Group", "system:masters").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
    }

    @Test
    void anImpersonatedServiceAccountIsRefusedWhatItsRolesDoNotAllowInKubernetesWords() {
        ApiFixture.Response refused = api.get("/api/v1/namespaces/default/configmaps", "Impersonate-User", SA);

        assertThat(refused.status()).isEqualTo(403);
        JsonNode status = refused.json();
        assertThat(status.path("reason").asText()).isEqualTo("Forbidden");
        assertThat(status.path("message").asText()).isEqualTo("configmaps is forbidden: User \"" + SA + "\" cannot "
                + "list resource \"configmaps\" in API group \"\" in the namespace \"default\"");
        assertThat(status.at("/details/kind").asText()).isEqualTo("configmaps");
        ApiFixture.Response watch = api.get("/apis/serving.knative.dev/v1/services?watch=true", "Impersonate-User",
                SA);
        assertThat(watch.json().path("message").asText()).isEqualTo("services.serving.knative.dev is forbidden: "
                + "User \"" + SA + "\" cannot watch resource \"services\" in API group \"serving.knative.dev\" at the "
                + "cluster scope");
        assertThat(api.get("/logs", "Impersonate-User", SA).json().path("message").asText())
                .isEqualTo("forbidden: User \"" + SA + "\" cannot get path \"/logs\"");
    }

    @Test
    void anImpersonatedUserMayDoWhatItsRolesAllowAndDiscover() {
        assertThat(api.get("/api/v1/namespaces/default/configmaps", "Impersonate-User", "alice", "Impersonate-Group",
                "system:masters").status()).isEqualTo(200);
        assertThat(api.get("/apis", "Impersonate-User", SA).status()).isEqualTo(200);
        assertThat(api.get("/version", "Impersonate-User", "bob").status()).isEqualTo(200);
    }

    @Test
    void aGroupWithoutAUserIsABadRequest() {
        assertThat(api.get("/api/v1/namespaces", "Impersonate-Group", "system:masters").status()).isEqualTo(400);
    }

    @Test
    void aSelfSubjectAccessReviewAnswersForTheCaller() {
        String review = """
                {"apiVersion": "authorization.k8s.io/v1", "kind": "SelfSubjectAccessReview",
                 "spec": {"resourceAttributes": {"namespace": "default", "verb": "watch", "resource": "events"}}}
                """;

        ApiFixture.Response admin = api.post(REVIEWS + "selfsubjectaccessreviews", review);
        ApiFixture.Response sa = api.send("POST", REVIEWS + "selfsubjectaccessreviews", "application/json", review,
                "Impersonate-User", SA);
        ApiFixture.Response other = api.send("POST", REVIEWS + "selfsubjectaccessreviews", "application/json",
                review.replace("\"default\"", "\"kube-system\""), "Impersonate-User", SA);

        assertThat(admin.status()).isEqualTo(201);
        assertThat(admin.json().at("/status/allowed").asBoolean()).isTrue();
        assertThat(sa.json().at("/status/allowed").asBoolean()).isTrue();
        assertThat(sa.json().at("/status/reason").asText()).isEqualTo("RBAC: allowed by RoleBinding "
                + "\"k8s-ra-event-watcher/default\" of Role \"event-watcher\" to ServiceAccount \"events-sa/default\"");
        assertThat(other.json().at("/status/allowed").asBoolean()).isFalse();
        assertThat(other.json().at("/status").has("reason")).isFalse();
    }

    @Test
    void aSubjectAccessReviewAnswersForTheUserAndGroupsItNames() {
        ApiFixture.Response answer = api.post(REVIEWS + "subjectaccessreviews", """
                {"apiVersion": "authorization.k8s.io/v1", "kind": "SubjectAccessReview",
                 "spec": {"user": "%s", "resourceAttributes": {"namespace": "default", "verb": "list",
                          "resource": "events"}}}
                """.formatted(SA));
        ApiFixture.Response nobody = api.post(REVIEWS + "subjectaccessreviews", """
                {"apiVersion": "authorization.k8s.io/v1", "kind": "SubjectAccessReview",
                 "spec": {"nonResourceAttributes": {"path": "/apis", "verb": "get"}}}
                """);
        ApiFixture.Response refused = api.send("POST", REVIEWS + "subjectaccessreviews", "application/json", """
                {"apiVersion": "authorization.k8s.io/v1", "kind": "SubjectAccessReview",
                 "spec": {"user": "x", "nonResourceAttributes": {"path": "/apis", "verb": "get"}}}
                """, "Impersonate-User", SA);

        assertThat(answer.json().at("/status/allowed").asBoolean()).isTrue();
        assertThat(nobody.status()).isEqualTo(422);
        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void aLocalSubjectAccessReviewAnswersInItsPathsNamespaceOnly() {
        String local = REVIEWS + "namespaces/default/localsubjectaccessreviews";
        ApiFixture.Response here = api.post(local, """
                {"apiVersion": "authorization.k8s.io/v1", "kind": "LocalSubjectAccessReview",
                 "spec": {"user": "%s", "resourceAttributes": {"verb": "watch", "resource": "events"}}}
                """.formatted(SA));
        ApiFixture.Response elsewhere = api.post(REVIEWS + "namespaces/other/localsubjectaccessreviews", """
                {"apiVersion": "authorization.k8s.io/v1", "kind": "LocalSubjectAccessReview",
                 "spec": {"user": "%s", "resourceAttributes": {"verb": "watch", "resource": "events"}}}
                """.formatted(SA));
        ApiFixture.Response mismatched = api.post(local, """
                {"apiVersion": "authorization.k8s.io/v1", "kind": "LocalSubjectAccessReview",
                 "spec": {"user": "%s", "resourceAttributes": {"namespace": "other", "verb": "watch",
                          "resource": "events"}}}
                """.formatted(SA));
        ApiFixture.Response nonResource = api.post(local, """
                {"apiVersion": "authorization.k8s.io/v1", "kind": "LocalSubjectAccessReview",
                 "spec": {"user": "%s", "nonResourceAttributes": {"path": "/apis", "verb": "get"}}}
                """.formatted(SA));
        ApiFixture.Response byTheSa = api.send("POST", local, "application/json", """
                {"apiVersion": "authorization.k8s.io/v1", "kind": "LocalSubjectAccessReview",
                 "spec": {"user": "x", "resourceAttributes": {"verb": "get", "resource": "events"}}}
                """, "Impersonate-User", SA);

        assertThat(here.status()).isEqualTo(201);
        assertThat(here.json().at("/status/allowed").asBoolean()).isTrue();
        assertThat(here.json().at("/metadata/namespace").asText()).isEqualTo("default");
        assertThat(here.json().at("/spec/resourceAttributes/namespace").asText()).isEqualTo("default");
        assertThat(elsewhere.json().at("/status/allowed").asBoolean()).as("its Role binds in default only").isFalse();
        assertThat(mismatched.status()).isEqualTo(422);
        assertThat(mismatched.text()).contains("spec.resourceAttributes.namespace", "must match");
        assertThat(nonResource.status()).isEqualTo(422);
        assertThat(byTheSa.status()).as("creating reviews is RBAC-checked like any create").isEqualTo(403);
    }

    @Test
    void aSelfSubjectRulesReviewListsTheCallersRulesInTheNamespace() {
        ApiFixture.Response rules = api.send("POST", REVIEWS + "selfsubjectrulesreviews", "application/json", """
                {"apiVersion": "authorization.k8s.io/v1", "kind": "SelfSubjectRulesReview",
                 "spec": {"namespace": "default"}}
                """, "Impersonate-User", SA);

        assertThat(rules.status()).isEqualTo(201);
        assertThat(rules.json().at("/status/resourceRules").toString())
                .contains("{\"verbs\":[\"get\",\"list\",\"watch\"],\"apiGroups\":[\"\"],\"resources\":[\"events\"]}");
        assertThat(rules.json().at("/status/nonResourceRules").toString()).contains("/apis/*");
        assertThat(rules.json().at("/status/incomplete").asBoolean()).isFalse();
    }

    @Test
    void aNamespaceFieldSelectorFiltersWithinTheUrlsNamespaceAndNeverReplacesIt() {
        api.store.create(ResourceTypes.ROLE, Json.parseObject("""
                {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role",
                 "metadata": {"name": "configmap-reader", "namespace": "default"},
                 "rules": [{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["list", "watch"]}]}
                """));
        api.store.create(ResourceTypes.ROLE_BINDING, Json.parseObject("""
                {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
                 "metadata": {"name": "configmap-reader", "namespace": "default"},
                 "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "configmap-reader"},
                 "subjects": [{"kind": "ServiceAccount", "name": "events-sa", "namespace": "default"}]}
                """));
        configMap("default", "local");
        configMap("kube-system", "remote");
        String inDefault = "/api/v1/namespaces/default/configmaps";
        String selector = "?fieldSelector=metadata.namespace%3Dkube-system";

        ApiFixture.Response list = api.get(inDefault + selector, "Impersonate-User", SA);
        ApiFixture.Response watch = api.get(inDefault + selector + "&watch=true&timeoutSeconds=1",
                "Impersonate-User", SA);
        ApiFixture.Response unfiltered = api.get(inDefault + "?watch=true&timeoutSeconds=1", "Impersonate-User", SA);
        ApiFixture.Response asAdmin = api.get(inDefault + selector);
        ApiFixture.Response deleted = api.send("DELETE", inDefault + selector, null, null);
        ApiFixture.Response everywhere = api.get("/api/v1/configmaps" + selector);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("items")).isEmpty();
        assertThat(watch.status()).isEqualTo(200);
        assertThat(watch.text()).doesNotContain("remote");
        assertThat(unfiltered.text()).contains("local");
        assertThat(asAdmin.json().path("items")).isEmpty();
        assertThat(deleted.json().path("items")).isEmpty();
        assertThat(api.store.get(ResourceTypes.CONFIGMAP, "kube-system", "remote")).isPresent();
        assertThat(everywhere.json().path("items")).extracting(item -> item.at("/metadata/name").asText())
                .containsExactly("remote");
    }

    @Test
    void aUserMayNotWidenTheRoleBoundToItselfNorAggregateRoles() {
        api.store.create(ResourceTypes.ROLE, Json.parseObject("""
                {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role",
                 "metadata": {"name": "role-writer", "namespace": "default"},
                 "rules": [{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["roles"],
                            "verbs": ["get", "update", "patch"]}]}
                """));
        api.store.create(ResourceTypes.ROLE_BINDING, Json.parseObject("""
                {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
                 "metadata": {"name": "role-writer", "namespace": "default"},
                 "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "role-writer"},
                 "subjects": [{"kind": "User", "name": "alice"}]}
                """));
        api.store.create(ResourceTypes.CLUSTER_ROLE, Json.parseObject("""
                {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
                 "metadata": {"name": "clusterrole-creator"},
                 "rules": [{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["clusterroles"],
                            "verbs": ["create"]}]}
                """));
        api.store.create(ResourceTypes.CLUSTER_ROLE_BINDING, Json.parseObject("""
                {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
                 "metadata": {"name": "clusterrole-creator"},
                 "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                             "name": "clusterrole-creator"},
                 "subjects": [{"kind": "User", "name": "alice"}]}
                """));
        String roles = "/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles/role-writer";

        ApiFixture.Response widened = api.send("PATCH", roles, "application/merge-patch+json",
                "{\"rules\": [{\"apiGroups\": [\"*\"], \"resources\": [\"*\"], \"verbs\": [\"*\"]}]}",
                "Impersonate-User", "alice");
        ApiFixture.Response aggregating = api.send("POST", "/apis/rbac.authorization.k8s.io/v1/clusterroles",
                "application/json", """
                {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "all"},
                 "aggregationRule": {"clusterRoleSelectors": [{}]}}""", "Impersonate-User", "alice");

        assertThat(widened.status()).as(widened.text()).isEqualTo(403);
        assertThat(widened.json().path("message").asText()).contains("is attempting to grant RBAC permissions not "
                + "currently held");
        assertThat(aggregating.status()).as(aggregating.text()).isEqualTo(403);
        assertThat(aggregating.json().path("message").asText()).endsWith("must have cluster-admin privileges to use "
                + "the aggregationRule");
        assertThat(api.store.get(ResourceTypes.CLUSTER_ROLE, "", "all")).isEmpty();
        assertThat(api.store.get(ResourceTypes.ROLE, "default", "role-writer").orElseThrow().at("/rules/0/verbs"))
                .extracting(JsonNode::asText).containsExactly("get", "update", "patch");
    }

    private void configMap(String namespace, String name) {
        api.store.create(ResourceTypes.CONFIGMAP, Json.parseObject("""
                {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "%s", "namespace": "%s"},
                 "data": {"k": "v"}}
                """.formatted(name, namespace)));
    }
}
