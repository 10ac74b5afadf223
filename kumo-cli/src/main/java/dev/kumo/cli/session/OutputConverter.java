package dev.kumo.cli.session;

import dev.kumo.cli.output.Output;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code -o}'s value, refused as a usage error naming the formats there are. */
public final class OutputConverter implements ITypeConverter<Output> {

    @Override
    public Output convert(String value) {
        try {
            return Output.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
