package dev.kumo.runtime.process;

import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceListener;
import dev.kumo.runtime.spi.InstanceState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every state change it is told of. */
final class RecordingListener implements InstanceListener {

    private final List<Instance> changes = new CopyOnWriteArrayList<>();

    @Override
    public void changed(Instance instance) {
        changes.add(instance);
    }

    /** The kinds of states the instance went through, in order. */
    List<Class<? extends InstanceState>> kinds(String id) {
        return changes.stream().filter(change -> change.id().equals(id))
                .<Class<? extends InstanceState>>map(change -> change.state().getClass()).toList();
    }

    /** The first state the instance published: Starting at the exec of its first run. */
    InstanceState.Starting first(String id) {
        return changes.stream().filter(change -> change.id().equals(id)).map(Instance::state)
                .map(InstanceState.Starting.class::cast).findFirst().orElseThrow();
    }
}
