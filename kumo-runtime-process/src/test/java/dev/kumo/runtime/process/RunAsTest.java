package dev.kumo.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.runtime.spi.RunAsSpec;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whom a workload runs as, or why it cannot run, as the kubelet decides with the server's user as image user. */
class RunAsTest {

    private static final ServerUser ROOT = new ServerUser(0, 0);
    private static final ServerUser ALICE = new ServerUser(1000, 1000);

    record Row(String name, RunAsSpec spec, ServerUser server, Optional<String> refusalMentions,
            Optional<RunAs.Identity> identity) {

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Row> rows() {
        return List.of(
                new Row("nothing asked", RunAsSpec.SERVER_USER, ROOT, Optional.empty(), Optional.empty()),
                new Row("root server switches to runAsUser", as(65534, null, false), ROOT, Optional.empty(),
                        Optional.of(new RunAs.Identity(65534, 65534))),
                new Row("runAsGroup wins over the passwd group", as(65534, 4242L, true), ROOT, Optional.empty(),
                        Optional.of(new RunAs.Identity(65534, 4242))),
                new Row("runAsNonRoot alone on a root server", as(null, null, true), ROOT,
                        Optional.of("securityContext.runAsNonRoot is true"), Optional.empty()),
                new Row("runAsUser 0 with runAsNonRoot", as(0, null, true), ROOT,
                        Optional.of("securityContext.runAsUser is 0 but runAsNonRoot"), Optional.empty()),
                new Row("runAsNonRoot alone on an unprivileged server", as(null, null, true), ALICE,
                        Optional.empty(), Optional.empty()),
                new Row("the server's own uid", as(1000, 1000L, true), ALICE, Optional.empty(), Optional.empty()),
                new Row("another uid on an unprivileged server", as(65534, null, false), ALICE,
                        Optional.of("securityContext.runAsUser is 65534 but kumo server runs as uid 1000"),
                        Optional.empty()),
                new Row("another gid on an unprivileged server", as(null, 5L, false), ALICE,
                        Optional.of("securityContext.runAsGroup is 5 but kumo server runs as gid 1000"),
                        Optional.empty()));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void decides(Row row) {
        Optional<String> refusal = RunAs.refusal(row.spec(), row.server());

        if (row.refusalMentions().isPresent()) {
            assertThat(refusal).hasValueSatisfying(text -> assertThat(text).contains(row.refusalMentions().get()));
        } else {
            assertThat(refusal).isEmpty();
            assertThat(RunAs.identity(row.spec(), row.server())).isEqualTo(row.identity());
        }
    }

    private static RunAsSpec as(Integer user, Long group, boolean nonRoot) {
        return new RunAsSpec(user == null ? OptionalLong.empty() : OptionalLong.of(user),
                group == null ? OptionalLong.empty() : OptionalLong.of(group), nonRoot);
    }
}
