package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.spi.SelectorProvider;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartupPropertiesTest {

    @Test
    void theSelectorProviderNamedIsTheOneTheJdkWouldFallBackTo() throws Exception {
        Optional<String> provider = StartupProperties.platformSelectorProvider();
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);

        assertThat(provider.isPresent()).isEqualTo(os.startsWith("linux") || os.startsWith("mac"));
        if (provider.isPresent()) {
            assertThat(SelectorProvider.class.isAssignableFrom(Class.forName(provider.get(), false, null))).isTrue();
            assertThat(SelectorProvider.provider().getClass().getName()).isEqualTo(provider.get());
        }
    }

    @Test
    void aPropertyAlreadySetIsKept() {
        String closures = System.getProperty(StartupProperties.PICOCLI_CLOSURES);
        String selector = System.getProperty(StartupProperties.SELECTOR_PROVIDER);
        System.setProperty(StartupProperties.PICOCLI_CLOSURES, "false");
        try {
            StartupProperties.apply();
            assertThat(System.getProperty(StartupProperties.PICOCLI_CLOSURES)).isEqualTo("false");
            assertThat(System.getProperty(StartupProperties.SELECTOR_PROVIDER))
                    .isEqualTo(selector != null ? selector : StartupProperties.platformSelectorProvider().orElse(null));
        } finally {
            restore(StartupProperties.PICOCLI_CLOSURES, closures);
            restore(StartupProperties.SELECTOR_PROVIDER, selector);
        }
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }
}
