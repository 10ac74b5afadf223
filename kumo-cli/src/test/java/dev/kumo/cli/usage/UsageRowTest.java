package dev.kumo.cli.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kumo.api.codec.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report's items summed per Service or per Revision, and priced. */
class UsageRowTest {

    private static final String ITEMS = """
            [{"namespace":"default","service":"hello","revision":"hello-00001","requests":1000000,
              "instanceSeconds":100,"memoryGibSeconds":50,"cpuSeconds":10,"coldStarts":1,"eventsDelivered":0},
             {"namespace":"default","service":"hello","revision":"hello-00002","requests":500000,
              "instanceSeconds":20,"memoryGibSeconds":10,"cpuSeconds":2,"coldStarts":2,"eventsDelivered":0},
             {"namespace":"default","service":"hello","revision":"","requests":0,
              "instanceSeconds":0,"memoryGibSeconds":0,"cpuSeconds":0,"coldStarts":0,"eventsDelivered":7}]
            """;

    @TempDir
    Path dir;

    @Test
    void perServiceSumsItsRevisionsAndItsEvents() throws Exception {
        List<UsageRow> rows = UsageRow.of(Json.mapper().readTree("{\"items\":" + ITEMS + "}").path("items"), false);

        assertThat(rows).containsExactly(new UsageRow("default", "hello", "", 1_500_000, 120, 60, 12, 3, 7));
    }

    @Test
    void perRevisionKeepsEachAndTheEventsApart() throws Exception {
        List<UsageRow> rows = UsageRow.of(Json.mapper().readTree(ITEMS), true);

        assertThat(rows).extracting(UsageRow::revision).containsExactly("hello-00001", "hello-00002", "");
        assertThat(UsageRow.total(rows).requests()).isEqualTo(1_500_000);
    }

    @Test
    void costsAreCloudRunsListPricesByDefaultAndAFileOverridesSome() throws Exception {
        UsageRow row = new UsageRow("default", "hello", "", 1_000_000, 100, 50, 10, 1, 0);
        // 10 vCPU-s × 0.000024 + 50 GiB-s × 0.0000025 + 1 M requests × 0.40
        assertThat(Prices.CLOUD_RUN.cost(row)).isCloseTo(0.00024 + 0.000125 + 0.40, within(1e-12));

        Path file = Files.writeString(dir.resolve("prices.yaml"), "currency: EUR\nmillion-requests: 0\n");
        Prices prices = Prices.read(file);
        assertThat(prices.currency()).isEqualTo("EUR");
        assertThat(prices.cost(row)).isCloseTo(0.00024 + 0.000125, within(1e-12));
    }

    @Test
    void aPricesFileWithAnUnknownKeyOrANegativePriceIsRefusedNamingIt() throws Exception {
        Path unknown = Files.writeString(dir.resolve("unknown.yaml"), "per-request: 1\n");
        assertThatThrownBy(() -> Prices.read(unknown)).hasMessageContaining("per-request")
                .hasMessageContaining("vcpu-second");
        Path negative = Files.writeString(dir.resolve("negative.yaml"), "gib-second: -1\n");
        assertThatThrownBy(() -> Prices.read(negative)).hasMessageContaining("-1.0")
                .hasMessageContaining("0 or more");
    }
}
