package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.spi.SelectorProvider;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartupPropertiesTest {

    @Test
    void theSelectorProviderNamedIsTheOneTheJdkWouldFallBackTo() throws Exception {
        Optional<String> provider = StartupProperties.platformSelectorProvider();
        String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
        assertThat(provider.isPresent()).isEqualTo(os.startsWith("linux") || os.startsWith("mac"));
        if (provider.isPresent() && System.getProperty(StartupProperties.SELECTOR_PROVIDER) == null) {
            assertThat(SelectorProvider.class.isAssignableFrom(Class.forName(provider.get(), false, null))).isTrue();
            assertThat(SelectorProvider.provider().getClass().getName()).isEqualTo(provider.get());
        }
    }

    @Test
    void aPropertyAlreadySetIsKept() {
        String before = System.getProperty(StartupProperties.PICOCLI_CLOSURES);
        System.setProperty(StartupProperties.PICOCLI_CLOSURES, "false");
        try {
            StartupProperties.apply();
            assertThat(System.getProperty(StartupProperties.PICOCLI_CLOSURES)).isEqualTo("false");
        } finally {
            if (before == null) {
                System.clearProperty(StartupProperties.PICOCLI_CLOSURES);
            } else {
                System.setProperty(StartupProperties.PICOCLI_CLOSURES, before);
            }
        }
    }
}
