package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One Service, two revisions on two runtimes side by side (samples/containers/process-and-container.yaml as one
 * Service): samples/hello-python run as a host process and the helloworld image run by podman, 50/50 by
 * revisionName. Both answer the same greeting, each about half of the time.
 */
class ProcessContainerSplitIT {

    private static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";
    private static final String NAME = "mixedsplit";
    private static final String FROM_PROCESS = "Hello Kumo! (mixedsplit-process)\n";
    private static final String FROM_CONTAINER = "Hello Kumo!\n";
    private static final int REQUESTS = 100;
    /** Out of 100 at 50%: 30..70 is beyond four standard deviations of a fair coin. */
    private static final int AT_LEAST = 30;

    @RegisterExtension
    static final ContainerServer KUMO = new ContainerServer("helloworld");

    @Test
    void aProcessRevisionAndAContainerRevisionOfOneServiceBothAnswerHalfEach() {
        TestApi api = KUMO.api();
        String python = SampleImages.manifest("hello-python").toString();
        api.create(SERVICES, """
                {"apiVersion":"serving.knative.dev/v1","kind":"Service","metadata":{"name":"%s"},
                 "spec":{"template":{"metadata":{"name":"%s-process","annotations":{"kumo.dev/runtime":"process"}},
                   "spec":{"containers":[{"command":["python3"],"args":["app.py"],"workingDir":"%s",
                     "env":[{"name":"TARGET","value":"Kumo"}]}]}}}}""".formatted(NAME, NAME, python));
        api.awaitCondition(SERVICES + "/" + NAME, "Ready", "True");

        HttpResponse<String> patched = api.send("PATCH", SERVICES + "/" + NAME, """
                {"spec":{"template":{"metadata":{"name":"%s-container","annotations":{"kumo.dev/runtime":null}},
                   "spec":{"containers":[{"image":"dev.local/kumo-samples/helloworld",
                     "env":[{"name":"TARGET","value":"Kumo"}],"ports":[{"containerPort":8080}]}]}},
                  "traffic":[{"revisionName":"%s-process","percent":50},
                             {"revisionName":"%s-container","percent":50}]}}""".formatted(NAME, NAME, NAME),
                "application/merge-patch+json");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        KUMO.awaitReady(SERVICES + "/" + NAME, 2, 2);

        Map<String, Integer> answers = KUMO.ingress().tally(NAME + ".default.localhost", "/", REQUESTS);
        assertThat(answers).as("answers over %d requests", REQUESTS).containsOnlyKeys(FROM_PROCESS, FROM_CONTAINER);
        assertThat(answers.values()).as("each half within tolerance: %s", answers).allMatch(n -> n >= AT_LEAST);
    }
}
