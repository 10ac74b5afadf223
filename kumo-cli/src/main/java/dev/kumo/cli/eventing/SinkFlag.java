package dev.kumo.cli.eventing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Option;

/** kn's {@code -s/--sink}: where a source or Trigger sends its events. */
final class SinkFlag {

    @Option(names = {"-s", "--sink"}, paramLabel = "SINK",
            description = "Where events go: ksvc:NAME[:NAMESPACE], broker:NAME, channel:NAME or a URL "
                    + "(required on create).")
    String sink;

    /** Sets {@code spec.<field>} to the sink given; a new object must be given one. */
    void fill(ObjectNode spec, String field, boolean creating) {
        if (sink != null) {
            spec.set(field, Sink.parse(sink, "--sink"));
        } else if (creating) {
            throw new BadFlag("missing --sink: say where events go, as ksvc:NAME[:NAMESPACE], broker:NAME, "
                    + "channel:NAME or an http(s):// URL");
        }
    }
}
