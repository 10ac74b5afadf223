package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Knative's traffic-splitting sample with images: one Service, two image revisions named by {@code revisionName},
 * 50/50 with a tag each. Both answer, the split holds within a tolerance over a bounded number of requests, and
 * each tag's host reaches its own revision.
 */
class ContainerTrafficSplitIT {

    private static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";
    private static final String NAME = "ctrsplit";
    private static final String HOST = NAME + ".default.localhost";
    private static final String IMAGE = "dev.local/kumo-samples/helloworld";
    private static final int REQUESTS = 100;
    /** Out of 100 at 50%: 30..70 is beyond four standard deviations of a fair coin, so a real split never fails. */
    private static final int AT_LEAST = 30;

    @RegisterExtension
    static final ContainerServer KUMO = new ContainerServer("helloworld");

    @Test
    void twoImageRevisionsShareTheTrafficHalfEachAndEachTagReachesItsOwn() {
        TestApi api = KUMO.api();
        api.create(SERVICES, service("blue", ""));
        api.awaitCondition(SERVICES + "/" + NAME, "Ready", "True");
        HttpResponse<String> patched = api.send("PATCH", SERVICES + "/" + NAME, service("green", """
                ,"traffic":[{"revisionName":"ctrsplit-blue","percent":50,"tag":"blue"},
                            {"revisionName":"ctrsplit-green","percent":50,"tag":"green"}]"""),
                "application/merge-patch+json");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        KUMO.awaitReady(SERVICES + "/" + NAME, 2, 2);

        Ingress ingress = KUMO.ingress();
        Map<String, Integer> answers = ingress.tally(HOST, "/", REQUESTS);
        assertThat(answers).as("answers over %d requests", REQUESTS).containsOnlyKeys("Hello blue!\n", "Hello green!\n");
        assertThat(answers.values()).as("each half within tolerance: %s", answers).allMatch(n -> n >= AT_LEAST);

        assertThat(ingress.get("blue-" + HOST, "/").body()).isEqualTo("Hello blue!\n");
        assertThat(ingress.get("green-" + HOST, "/").body()).isEqualTo("Hello green!\n");
    }

    /** The Service with its template named {@code NAME-colour} answering "Hello colour!", plus {@code more} spec. */
    private static String service(String colour, String more) {
        return """
                {"apiVersion":"serving.knative.dev/v1","kind":"Service","metadata":{"name":"%s"},
                 "spec":{"template":{"metadata":{"name":"%s-%s"},
                   "spec":{"containers":[{"image":"%s","env":[{"name":"TARGET","value":"%s"}],
                     "ports":[{"containerPort":8080}]}]}}%s}}""".formatted(NAME, NAME, colour, IMAGE, colour, more);
    }
}
