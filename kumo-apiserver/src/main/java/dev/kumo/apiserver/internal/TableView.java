package dev.kumo.apiserver.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.printing.TableProfile;
import dev.kumo.api.printing.Tables;
import java.time.InstantSource;
import java.util.List;

/**
 * {@code meta.k8s.io/v1} Table renderings of a kind, with the printer columns its definition declares (kubectl's,
 * or kn's when the Accept header says {@code profile=kn}); ages are rendered at this server's clock.
 */
final class TableView {

    private final InstantSource clock;

    TableView(InstantSource clock) {
        this.clock = clock;
    }

    ObjectNode table(KindDefinition kind, TableProfile profile, List<ObjectNode> objects, long resourceVersion) {
        return Tables.table(kind.printing().columns(profile), objects, resourceVersion, clock.instant());
    }
}
