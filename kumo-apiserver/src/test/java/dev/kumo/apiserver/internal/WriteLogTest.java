package dev.kumo.apiserver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** One log line per object a client changed, naming the kind and object, with them in the MDC. */
class WriteLogTest {

    @Test
    void aWriteIsOneLineWithTheObjectInTheMdc() {
        Logger logger = (Logger) LoggerFactory.getLogger(WriteLog.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        Level before = logger.getLevel();
        logger.setLevel(Level.INFO);
        try {
            WriteLog.logged("created", ResourceTypes.SERVICE, Json.parseObject(
                    "{\"metadata\":{\"namespace\":\"default\",\"name\":\"hello\"}}"));
            WriteLog.logged("deleted", ResourceTypes.NAMESPACE, Json.parseObject("{\"metadata\":{\"name\":\"team\"}}"));

            assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                    "created services.serving.knative.dev default/hello", "deleted namespaces team");
            assertThat(lines.list.getFirst().getMDCPropertyMap()).containsEntry("namespace", "default")
                    .containsEntry("name", "hello").containsEntry("kind", "Service");
        } finally {
            logger.setLevel(before);
            logger.detachAppender(lines);
        }
    }
}
