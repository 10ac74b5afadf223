package dev.kumo.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.runtime.process.ListeningSockets.Socket;
import dev.kumo.runtime.process.PortOwnership.Verdict;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whose socket a connection to 127.0.0.1:8080 reaches, given the listening sockets and the instance's inodes. */
class PortOwnershipTest {

    private static final int PORT = 8080;
    private static final Socket LOOPBACK_OURS = socket("127.0.0.1", PORT, 1);
    private static final Socket LOOPBACK_THEIRS = socket("127.0.0.1", PORT, 2);
    private static final Socket WILDCARD_THEIRS = socket("0.0.0.0", PORT, 3);
    private static final Socket WILDCARD_OURS = socket("0.0.0.0", PORT, 4);
    private static final Socket V6_WILDCARD_OURS = socket("::", PORT, 5);
    private static final Socket V6_LOOPBACK_OURS = socket("::1", PORT, 6);
    private static final Socket OTHER_PORT_OURS = socket("127.0.0.1", 9090, 7);
    private static final Socket OTHER_ADDRESS_OURS = socket("127.0.0.2", PORT, 8);
    private static final Set<Long> OURS = Set.of(1L, 4L, 5L, 6L, 7L, 8L);

    record Row(String name, List<Socket> listening, Verdict want) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("ours on 127.0.0.1", List.of(LOOPBACK_OURS), new Verdict.Owned()),
                new Row("ours on every address, IPv4 or IPv6", List.of(WILDCARD_OURS, V6_WILDCARD_OURS),
                        new Verdict.Owned()),
                new Row("another process's on 127.0.0.1", List.of(LOOPBACK_THEIRS),
                        new Verdict.Foreign(List.of(LOOPBACK_THEIRS))),
                new Row("theirs on 127.0.0.1 wins over ours on every address", List.of(WILDCARD_OURS, LOOPBACK_THEIRS),
                        new Verdict.Foreign(List.of(LOOPBACK_THEIRS))),
                new Row("ours on 127.0.0.1 wins over theirs on every address",
                        List.of(WILDCARD_THEIRS, LOOPBACK_OURS), new Verdict.Owned()),
                new Row("sharing 127.0.0.1 (SO_REUSEPORT) with another process is enough",
                        List.of(LOOPBACK_THEIRS, LOOPBACK_OURS), new Verdict.Owned()),
                new Row("ours elsewhere, theirs on every address", List.of(OTHER_PORT_OURS, WILDCARD_THEIRS),
                        new Verdict.Foreign(List.of(WILDCARD_THEIRS))),
                new Row("::1, another port or another loopback address are not reached",
                        List.of(V6_LOOPBACK_OURS, OTHER_PORT_OURS, OTHER_ADDRESS_OURS), new Verdict.NotListening()),
                new Row("nothing listens", List.of(), new Verdict.NotListening()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decidesWhoseSocketAnswers(Row row) {
        assertThat(PortOwnership.atLoopback(PORT, row.listening(), OURS)).isEqualTo(row.want());
    }

    @Test
    void theInstanceListensWhereItsOwnSocketsAre() {
        assertThat(PortOwnership.ownedBy(List.of(LOOPBACK_THEIRS, OTHER_PORT_OURS, WILDCARD_THEIRS, V6_LOOPBACK_OURS),
                OURS)).containsExactly(OTHER_PORT_OURS, V6_LOOPBACK_OURS);
    }

    private static Socket socket(String address, int port, long inode) {
        try {
            return new Socket(InetAddress.getByName(address), port, inode);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
