package dev.kumo.server;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --warmup=VALUE}: true or false in any case; anything else is refused with the forms that work. */
final class WarmupSwitch implements ITypeConverter<Boolean> {

    @Override
    public Boolean convert(String value) {
        if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
            return Boolean.parseBoolean(value);
        }
        throw new TypeConversionException("'" + value + "' is neither true nor false: give --warmup (on, the default), "
                + "--warmup=false or --no-warmup (off)");
    }
}
