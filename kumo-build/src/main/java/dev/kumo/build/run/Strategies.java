package dev.kumo.build.run;

import dev.kumo.build.spi.BuildStrategy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The strategies this Kumo has, by name, in the order {@code --source} tries them. */
public final class Strategies {

    private final Map<String, BuildStrategy> byName = new LinkedHashMap<>();

    private Strategies(List<BuildStrategy> strategies) {
        for (BuildStrategy strategy : strategies) {
            if (byName.putIfAbsent(strategy.name(), strategy) != null) {
                throw new IllegalArgumentException("two build strategies are named " + strategy.name());
            }
        }
    }

    /** These strategies; the first that detects a directory builds it. */
    public static Strategies of(BuildStrategy... strategies) {
        return new Strategies(List.of(strategies));
    }

    public Optional<BuildStrategy> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The first strategy that can build what {@code dir} holds. */
    public Optional<BuildStrategy> detect(Path dir) {
        return byName.values().stream().filter(s -> s.detects(dir)).findFirst();
    }

    public List<String> names() {
        return new ArrayList<>(byName.keySet());
    }
}
