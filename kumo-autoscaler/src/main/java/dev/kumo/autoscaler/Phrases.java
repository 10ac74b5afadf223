package dev.kumo.autoscaler;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** How numbers and durations read in a decision's reason: {@code 4.3}, {@code 7}, {@code 60s}. */
final class Phrases {

    private Phrases() {
    }

    static String number(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String seconds(Duration duration) {
        return duration.toSeconds() + "s";
    }
}
