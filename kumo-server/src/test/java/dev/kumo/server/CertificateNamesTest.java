package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CertificateNamesTest {

    private static final Set<String> LOOPBACK = Set.of("ip:127.0.0.1", "ip:0:0:0:0:0:0:0:1", "dns:localhost");
    private static final Supplier<Set<String>> MACHINE = () -> Set.of("dns:box.example", "ip:192.0.2.7");
    private static final Supplier<Set<String>> NOT_ASKED = () -> {
        throw new AssertionError("machine names asked for a specific host");
    };

    @Test
    void loopbackNeedsOnlyTheLoopbackNames() {
        CertificateNames names = CertificateNames.forHost("127.0.0.1", NOT_ASKED);

        assertThat(names.required()).isEqualTo(LOOPBACK);
        assertThat(names.included()).isEqualTo(LOOPBACK);
    }

    @Test
    void aSpecificHostIsAddedAndRequiredInItsNormalForm() {
        assertThat(CertificateNames.forHost("10.0.0.5", NOT_ASKED).required()).contains("ip:10.0.0.5");
        assertThat(CertificateNames.forHost("[fd00::5]", NOT_ASKED).required()).contains("ip:fd00:0:0:0:0:0:0:5");
        assertThat(CertificateNames.forHost("Kumo.Example.COM", NOT_ASKED).included())
                .contains("dns:kumo.example.com");
    }

    @Test
    void aWildcardBindRequiresTheHostNameAndIncludesTheAddressesOfTheTime() {
        CertificateNames names = CertificateNames.forHost("0.0.0.0", MACHINE);

        assertThat(names.required()).contains("dns:box.example").doesNotContain("ip:192.0.2.7");
        assertThat(names.included()).contains("dns:box.example", "ip:192.0.2.7").containsAll(LOOPBACK);
        assertThat(CertificateNames.forHost("::", MACHINE).included()).contains("ip:192.0.2.7");
    }

    @Test
    void entriesAreNormalisedWithoutLookingAnythingUp() {
        assertThat(CertificateNames.entry("::1")).isEqualTo("ip:0:0:0:0:0:0:0:1");
        assertThat(CertificateNames.entry("0:0:0:0:0:0:0:1")).isEqualTo("ip:0:0:0:0:0:0:0:1");
        assertThat(CertificateNames.entry("LOCALHOST")).isEqualTo("dns:localhost");
    }
}
