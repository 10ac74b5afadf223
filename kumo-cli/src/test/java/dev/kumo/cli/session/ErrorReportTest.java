package dev.kumo.cli.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.base.CliException;
import dev.kumo.cli.client.ApiError;
import dev.kumo.cli.client.ApiStatus;
import dev.kumo.cli.client.ServerUnreachable;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ErrorReportTest {

    private static ApiError error(int code, String body, String namespace) {
        return new ApiError(ApiStatus.parse(code, body, "GET /x"), Optional.of(ResourceTypes.SERVICE),
                Optional.of(namespace));
    }

    @Test
    void notFoundPointsAtTheListOfTheKind() {
        String status = """
                {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404,
                 "message":"services.serving.knative.dev \\"nope\\" not found",
                 "details":{"name":"nope","group":"serving.knative.dev","kind":"services"}}""";
        assertThat(ErrorReport.lines(error(404, status, "default"))).containsExactly(
                "Error: services.serving.knative.dev \"nope\" not found",
                "Run 'kumo service list' to see the services in namespace default.");
        assertThat(ErrorReport.lines(error(404, status, "team-a"))).last()
                .isEqualTo("Run 'kumo service list -n team-a' to see the services in namespace team-a.");
    }

    @Test
    void notFoundOfAnotherKindThanTheOneAskedForNamesThatKind() {
        String status = """
                {"kind":"Status","reason":"NotFound","code":404,"message":"namespaces \\"team-z\\" not found",
                 "details":{"name":"team-z","kind":"namespaces"}}""";
        assertThat(ErrorReport.lines(error(404, status, "team-z"))).last()
                .isEqualTo("Run 'kumo get namespaces' to see the namespaces.");
    }

    @Test
    void aPathTheServerDoesNotServeGetsNoListHint() {
        String status = """
                {"kind":"Status","reason":"NotFound","code":404,
                 "message":"the server could not find the requested resource"}""";
        assertThat(ErrorReport.lines(error(404, status, "default")))
                .containsExactly("Error: the server could not find the requested resource");
    }

    @Test
    void invalidWithSeveralCausesListsThemWithTheirFields() {
        String status = """
                {"kind":"Status","reason":"Invalid","code":422,"message":"Service \\"bad\\" is invalid: [a, b]",
                 "details":{"name":"bad","kind":"Service","causes":[
                   {"field":"spec.a","message":"spec.a: Required value"},
                   {"field":"spec.b","message":"Invalid value: 1: too small"}]}}""";
        assertThat(ErrorReport.lines(error(422, status, "default"))).containsExactly(
                "Error: Service \"bad\" is invalid:",
                "* spec.a: Required value",
                "* spec.b: Invalid value: 1: too small");
    }

    @Test
    void unauthorizedExplainsTheToken() {
        String status = "{\"kind\":\"Status\",\"reason\":\"Unauthorized\",\"code\":401,\"message\":\"Unauthorized\"}";
        assertThat(ErrorReport.lines(error(401, status, "default"))).hasSize(2).last().asString()
                .contains("--token", "KUMO_TOKEN");
    }

    @Test
    void aBodyThatIsNotAStatusStillSaysWhatHappened() {
        assertThat(ErrorReport.lines(error(502, "<html>Bad Gateway</html>", "default")))
                .containsExactly("Error: the server answered 502 to GET /x: <html>Bad Gateway</html>");
    }

    @Test
    void anUnreachableServerSuggestsStartingIt() {
        assertThat(ErrorReport.lines(new ServerUnreachable(URI.create("http://127.0.0.1:7780"),
                "connection refused", null))).containsExactly(
                "Error: cannot reach the Kumo API server at http://127.0.0.1:7780: connection refused",
                "Is the server running? Start it with 'kumo server'.");
    }

    @Test
    void sayWhatWasBeingDone() {
        assertThat(ErrorReport.lines(new CliException("boom", "try again"), "applying x"))
                .containsExactly("Error: applying x: boom", "try again");
    }
}
