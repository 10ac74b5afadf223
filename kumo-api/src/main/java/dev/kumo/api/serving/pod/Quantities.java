package dev.kumo.api.serving.pod;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes resource quantities ({@code 64Mi}, {@code 1.5G}, {@code 500m}, {@code 0.25}, {@code 1e3}). */
public final class Quantities {

    // No sign but '+': a negative quantity is not valid here.
    private static final Pattern QUANTITY = Pattern.compile("([+]?[0-9]+(?:\\.[0-9]*)?|[+]?\\.[0-9]+)"
            + "(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?");
    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("Ki", BigDecimal.valueOf(1L << 10)), Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
            Map.entry("Gi", BigDecimal.valueOf(1L << 30)), Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
            Map.entry("Pi", BigDecimal.valueOf(1L << 50)), Map.entry("Ei", BigDecimal.valueOf(1L << 60)),
            Map.entry("n", new BigDecimal("1e-9")), Map.entry("u", new BigDecimal("1e-6")),
            Map.entry("m", new BigDecimal("1e-3")), Map.entry("k", new BigDecimal("1e3")),
            Map.entry("M", new BigDecimal("1e6")), Map.entry("G", new BigDecimal("1e9")),
            Map.entry("T", new BigDecimal("1e12")), Map.entry("P", new BigDecimal("1e15")),
            Map.entry("E", new BigDecimal("1e18")));

    private Quantities() {
    }

    /** The quantity's value; an {@link IllegalArgumentException} naming the field if it is not one. */
    public static BigDecimal parse(String text, String field) {
        Matcher matcher = QUANTITY.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(field + ": \"" + text + "\" is not a quantity: write e.g. 64Mi, 1G, "
                    + "500m or 0.5");
        }
        BigDecimal number = new BigDecimal(matcher.group(1).replace("+", ""));
        String suffix = matcher.group(2);
        if (suffix == null) {
            return number;
        }
        if (suffix.startsWith("e") || suffix.startsWith("E")) {
            return number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)));
        }
        return number.multiply(SUFFIXES.get(suffix));
    }

    /** Whole units, rounded up as Kubernetes rounds (a fraction of a byte is a byte). */
    public static long ceil(BigDecimal value, String field) {
        BigDecimal rounded = value.setScale(0, RoundingMode.CEILING);
        if (rounded.signum() <= 0 || rounded.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException(field + ": " + value.toPlainString() + " is out of range: it must be "
                    + "positive");
        }
        return rounded.longValueExact();
    }
}
