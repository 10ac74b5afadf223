package dev.kumo.cli.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import org.junit.jupiter.api.Test;

class WaterfallTest {

    @Test
    void spansAreIndentedUnderTheirParentsWithOffsetsDurationsAndBars() {
        ObjectNode trace = Json.parseObject("""
                {"kind":"Trace","traceId":"abc","spans":[
                 {"spanId":"1","parentSpanId":"x","name":"broker-ingress","start":"2026-12-06T13:00:00Z",
                  "durationMicros":1000,"status":"UNSET"},
                 {"spanId":"2","parentSpanId":"1","name":"trigger-filter","start":"2026-12-06T13:00:00.002Z",
                  "durationMicros":2000,"status":"UNSET"},
                 {"spanId":"3","parentSpanId":"2","name":"delivery","start":"2026-12-06T13:00:00.002500Z",
                  "durationMicros":1500,"status":"ERROR"}]}
                """);

        String text = Waterfall.render(trace);

        assertThat(text).isEqualTo("""
                Trace abc: 3 spans, 4.000 ms

                SPAN                       START    DURATION  TIMELINE
                broker-ingress          0.000 ms    1.000 ms  |##########                              |
                  trigger-filter        2.000 ms    2.000 ms  |                    ####################|
                    delivery (error)    2.500 ms    1.500 ms  |                         ###############|
                """);
    }

    @Test
    void theListIsATableWithUpperCaseHeaders() {
        ObjectNode list = Json.parseObject("""
                {"kind":"TraceList","items":[{"traceId":"abc","rootSpan":"GET /","start":"2026-12-06T13:00:00Z",
                 "durationMicros":1234,"spanCount":2}]}
                """);

        assertThat(TraceListCommand.table(list.path("items")).render(true)).isEqualTo("""
                TRACE ID   ROOT    DURATION   SPANS   START
                abc        GET /   1.234 ms   2       2026-12-06T13:00:00Z
                """);
    }
}
