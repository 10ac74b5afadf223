package dev.kumo.cli.usage;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kumo.common.config.YamlConfigFile;
import java.nio.file.Path;

/**
 * The unit prices an estimated cost is computed with; by default Cloud Run's public list prices for request-based
 * billing (Tier 1 regions, without the free tier): $0.000024 per vCPU-second, $0.0000025 per GiB-second, $0.40 per
 * million requests. A {@code --prices FILE} (YAML, these keys, any left out keep the default) overrides them.
 *
 * @param currency the currency the prices are in, printed beside the cost
 * @param vcpuSecond the price of one CPU core for one second
 * @param gibSecond the price of one GiB of memory for one second
 * @param millionRequests the price of one million requests
 * @param millionEvents the price of one million events delivered (Cloud Run has none: 0)
 */
public record Prices(@JsonProperty("currency") String currency, @JsonProperty("vcpu-second") Double vcpuSecond,
        @JsonProperty("gib-second") Double gibSecond, @JsonProperty("million-requests") Double millionRequests,
        @JsonProperty("million-events") Double millionEvents) {

    /** Cloud Run's list prices (request-based billing, Tier 1). */
    public static final Prices CLOUD_RUN = new Prices("USD", 0.000024, 0.0000025, 0.40, 0.0);

    /** The prices in {@code file}, each left out taken from {@link #CLOUD_RUN}; a bad file names the key. */
    public static Prices read(Path file) {
        Prices read = YamlConfigFile.read(file, Prices.class).orElse(CLOUD_RUN);
        Prices prices = new Prices(or(read.currency, CLOUD_RUN.currency), or(read.vcpuSecond, CLOUD_RUN.vcpuSecond),
                or(read.gibSecond, CLOUD_RUN.gibSecond), or(read.millionRequests, CLOUD_RUN.millionRequests),
                or(read.millionEvents, CLOUD_RUN.millionEvents));
        for (double price : new double[] {prices.vcpuSecond, prices.gibSecond, prices.millionRequests,
                prices.millionEvents}) {
            if (price < 0 || Double.isNaN(price)) {
                throw new IllegalArgumentException(file + ": a price is " + price + "; give prices of 0 or more");
            }
        }
        return prices;
    }

    /** What {@code usage} costs at these prices. */
    double cost(UsageRow usage) {
        return usage.cpuSeconds() * vcpuSecond + usage.memoryGibSeconds() * gibSecond
                + usage.requests() / 1e6 * millionRequests + usage.eventsDelivered() / 1e6 * millionEvents;
    }

    private static <T> T or(T value, T otherwise) {
        return value == null ? otherwise : value;
    }
}
