import java.util.function.Function;
import kumo.func.CloudEvent;

/** A CloudEvents function: Kumo's invoker calls apply() with each event and sends back the event it returns. */
public class Handler implements Function<CloudEvent, CloudEvent> {

    /** Answers each event with a dev.kumo.func.response event carrying the same data; null would mean no reply. */
    @Override
    public CloudEvent apply(CloudEvent event) {
        String contentType = event.dataContentType().isEmpty() ? "application/json" : event.dataContentType();
        return CloudEvent.of("dev.kumo.func.response", contentType, event.data());
    }
}
