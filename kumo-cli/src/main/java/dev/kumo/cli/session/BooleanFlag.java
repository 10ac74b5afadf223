package dev.kumo.cli.session;

import picocli.CommandLine.Model.OptionSpec;

/** A boolean option that takes no value, as picocli declares a {@code boolean} field's option. */
final class BooleanFlag {

    private BooleanFlag() {
    }

    /** {@code builder} as a flag: no value, false until given, labelled after the field it would be. */
    static OptionSpec.Builder of(OptionSpec.Builder builder, String field) {
        return builder.type(boolean.class).arity("0").paramLabel("<" + field + ">").initialValue(false);
    }
}
