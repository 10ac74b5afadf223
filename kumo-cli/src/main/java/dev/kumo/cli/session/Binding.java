package dev.kumo.cli.session;

import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;

/**
 * Where an option built in code keeps its value: a getter and a setter over a command's field (picocli's
 * {@code IGetter}/{@code ISetter} declare generic methods, which a lambda cannot implement).
 */
public final class Binding implements IGetter, ISetter {

    private final Supplier<Object> getter;
    private final Consumer<Object> setter;

    private Binding(Supplier<Object> getter, Consumer<Object> setter) {
        this.getter = getter;
        this.setter = setter;
    }

    /** The binding that reads with {@code getter} and writes with {@code setter}. */
    public static Binding of(Supplier<Object> getter, Consumer<Object> setter) {
        return new Binding(getter, setter);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get() {
        return (T) getter.get();
    }

    @Override
    public <T> T set(T value) {
        T previous = get();
        setter.accept(value);
        return previous;
    }
}
