package dev.kumo.dataplane.router;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostHeaderTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "hello.default.localhost        | hello.default.localhost",
        "hello.default.localhost:8080   | hello.default.localhost",
        "Hello.Default.LOCALHOST:80     | hello.default.localhost",
        "tag-hello.default.localhost    | tag-hello.default.localhost",
        "127.0.0.1:8080                 | 127.0.0.1",
        "[::1]:8080                     | [::1]",
        "[::1]                          | [::1]",
        "NULL                           | ''"})
    void routeKeyIsLowerCaseWithoutPort(String host, String want) {
        assertThat(HostHeader.routeKey(host)).isEqualTo(want);
    }
}
