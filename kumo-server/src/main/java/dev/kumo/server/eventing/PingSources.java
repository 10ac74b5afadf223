package dev.kumo.server.eventing;

import dev.kumo.api.sources.PingSource;
import dev.kumo.api.sources.PingSourceSpec;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.source.SourceRunner;
import dev.kumo.eventing.source.ping.PingRunner;
import dev.kumo.eventing.source.ping.PingSchedule;
import dev.kumo.eventing.source.ping.PingSpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** The PingSource reconciler's runner: each source mapped to a {@link PingSpec} and run by the {@link PingRunner}. */
final class PingSources implements SourceRunner<PingSource> {

    private final PingRunner runner;

    PingSources(PingRunner runner) {
        this.runner = runner;
    }

    @Override
    public Optional<String> run(PingSource source, URI sink) {
        PingSourceSpec spec = source.spec();
        PingSchedule schedule;
        try {
            schedule = PingSchedule.parse(spec.schedule() == null ? PingSourceSpec.DEFAULT_SCHEDULE : spec.schedule(),
                    spec.timezone());
        } catch (IllegalArgumentException e) {
            return Optional.of("spec.schedule: " + e.getMessage());
        }
        runner.upsert(new PingSpec(source.metadata().namespace(), source.metadata().name(), source.metadata().uid(),
                schedule, Optional.ofNullable(spec.contentType()), data(spec), sink, overrides(spec)));
        return Optional.empty();
    }

    @Override
    public void remove(NamespacedName source) {
        runner.remove(source.namespace(), source.name());
    }

    /** {@code data} as UTF-8 text, or {@code dataBase64} decoded (admission checked it is base64). */
    private static byte[] data(PingSourceSpec spec) {
        if (spec.dataBase64() != null && !spec.dataBase64().isEmpty()) {
            return Base64.getDecoder().decode(spec.dataBase64());
        }
        return spec.data() == null ? new byte[0] : spec.data().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> overrides(PingSourceSpec spec) {
        return spec.ceOverrides() == null || spec.ceOverrides().extensions() == null ? Map.of()
                : spec.ceOverrides().extensions();
    }
}
