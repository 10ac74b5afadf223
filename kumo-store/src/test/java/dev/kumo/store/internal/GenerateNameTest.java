package dev.kumo.store.internal;

import static dev.kumo.store.TestObjects.configMap;
import static dev.kumo.store.TestObjects.generateName;
import static dev.kumo.store.TestObjects.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.store.StoreOptions;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** generateName picks another suffix when the first is taken, and gives up after a few. */
class GenerateNameTest {

    @Test
    void aTakenGeneratedNameIsRetried() {
        NameGenerator predicted = new NameGenerator(new Random(7));
        String first = predicted.suffix();
        String second = predicted.suffix();
        try (StoreEngine store = new StoreEngine(new MemoryBackend(), StoreOptions.DEFAULTS,
                new NameGenerator(new Random(7)))) {
            store.create(ResourceTypes.CONFIGMAP, configMap("default", "cm-" + first));

            String generated = name(store.create(ResourceTypes.CONFIGMAP, configMap("default", "", generateName("cm-"))));

            assertThat(generated).isEqualTo("cm-" + second);
        }
    }

    @Test
    void aGeneratorThatKeepsCollidingEndsInAlreadyExists() {
        RandomGenerator stuck = () -> 0L;
        try (StoreEngine store = new StoreEngine(new MemoryBackend(), StoreOptions.DEFAULTS,
                new NameGenerator(stuck))) {
            String only = name(store.create(ResourceTypes.CONFIGMAP, configMap("default", "", generateName("cm-"))));

            ApiException failure = catchThrowableOfType(ApiException.class, () ->
                    store.create(ResourceTypes.CONFIGMAP, configMap("default", "", generateName("cm-"))));

            assertThat(only).isEqualTo("cm-bbbbb");
            assertThat(failure.reason()).isEqualTo(StatusReason.AlreadyExists);
        }
    }
}
