package dev.kumo.cli.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** kn's {@code --ref} forms: a Service by default, {@code ksvc:}, {@code kroute:}, each with an optional namespace. */
class DomainRefTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "hello, Service, hello, ''",
        "ksvc:hello, Service, hello, ''",
        "ksvc:hello:team, Service, hello, team",
        "kroute:hello, Route, hello, ''",
        "kroute:hello:team, Route, hello, team"})
    void parsesKnsForms(String value, String kind, String name, String namespace) {
        DomainRef ref = DomainRef.parse(value);
        assertThat(ref).isEqualTo(new DomainRef("serving.knative.dev/v1", kind, name,
                namespace.isEmpty() ? Optional.empty() : Optional.of(namespace)));
        assertThat(ref.toJson("default").path("namespace").asText()).isEqualTo(namespace.isEmpty() ? "default"
                : namespace);
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"", "broker:default", "ksvc:", "ksvc:a:b:c", "kroute::team"})
    void refusesOtherFormsNamingTheAcceptedOnes(String value) {
        assertThatThrownBy(() -> DomainRef.parse(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid --ref '").hasMessageContaining("ksvc:NAME")
                .hasMessageContaining("kroute:NAME");
    }
}
