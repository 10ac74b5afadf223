import java.util.function.Function;
import kumo.func.HttpRequest;
import kumo.func.HttpResponse;

/** An HTTP function: Kumo's invoker calls apply() with each request and sends back what it returns. */
public class Handler implements Function<HttpRequest, HttpResponse> {

    /** Echoes the request body, or greets the world when there is none. */
    @Override
    public HttpResponse apply(HttpRequest request) {
        String body = request.body().isEmpty() ? "Hello, world!\n" : request.body();
        return HttpResponse.ok(request.header("Content-Type", "text/plain"), body);
    }
}
