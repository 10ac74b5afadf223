package dev.kumo.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading the listening sockets out of /proc/net/tcp and /proc/net/tcp6, as an x86 (little-endian) kernel writes them. */
class ListeningSocketsTest {

    private static final String TCP_HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt"
            + "   uid  timeout inode\n";
    private static final String TCP6_HEADER = "  sl  local_address                         remote_address"
            + "                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";

    record Row(String name, String table, ByteOrder order, List<String> want) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("a wildcard IPv4 listener", TCP_HEADER
                        + "   0: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 "
                        + "4242 1 0000000000000000 100 0 0 10 0\n", ByteOrder.LITTLE_ENDIAN,
                        List.of("0.0.0.0:8080 inode 4242")),
                new Row("a loopback listener; established and time-wait sockets are not listeners", TCP_HEADER
                        + "   0: 0100007F:A2C4 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 "
                        + "77 1 0000000000000000 100 0 0 10 0\n"
                        + "   1: 0100007F:B9FD 0100007F:ADDA 01 00000000:00000000 00:00000000 00000000  1000        0 "
                        + "78 1 0000000000000000 20 4 30 10 -1\n"
                        + "   2: 0100007F:A076 0100007F:976D 06 00000000:00000000 03:000002E8 00000000     0        0 "
                        + "0 3 0000000091260621\n", ByteOrder.LITTLE_ENDIAN, List.of("127.0.0.1:41668 inode 77")),
                new Row("an IPv4-mapped IPv6 listener (a JVM bound to 127.0.0.1) reads as IPv4", TCP6_HEADER
                        + "   0: 0000000000000000FFFF00000100007F:8075 00000000000000000000000000000000:0000 0A "
                        + "00000000:00000000 00:00000000 00000000     0        0 46341 1 000000006548b36a 100 0 0 10 0\n",
                        ByteOrder.LITTLE_ENDIAN, List.of("127.0.0.1:32885 inode 46341")),
                new Row("the IPv6 wildcard and ::1", TCP6_HEADER
                        + "   0: 00000000000000000000000000000000:0050 00000000000000000000000000000000:0000 0A "
                        + "00000000:00000000 00:00000000 00000000     0        0 11 1 0000000000000000 100 0 0 10 0\n"
                        + "   1: 00000000000000000000000001000000:1F91 00000000000000000000000000000000:0000 0A "
                        + "00000000:00000000 00:00000000 00000000     0        0 12 1 0000000000000000 100 0 0 10 0\n",
                        ByteOrder.LITTLE_ENDIAN, List.of("[0:0:0:0:0:0:0:0]:80 inode 11", "[0:0:0:0:0:0:0:1]:8081 inode 12")),
                new Row("a big-endian kernel writes the address in network order", TCP_HEADER
                        + "   0: 7F000001:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 "
                        + "5 1 0000000000000000 100 0 0 10 0\n", ByteOrder.BIG_ENDIAN, List.of("127.0.0.1:8080 inode 5")),
                new Row("lines it does not understand are skipped", TCP_HEADER + "\n   0: garbage 0A\n"
                        + "   1: 0100007:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 "
                        + "5 1 0000000000000000 100 0 0 10 0\n", ByteOrder.LITTLE_ENDIAN, List.of()),
                new Row("only the header: nothing listens", TCP_HEADER, ByteOrder.LITTLE_ENDIAN, List.of()));
    }

    @Test
    void theHeadOfATableEndsAtTheFirstSocketThatNeitherListensNorIsPending(@TempDir Path dir) throws IOException {
        String listener = "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 "
                + "5 1 0000000000000000 100 0 0 10 0\n";
        String pending = "   1: 0100007F:1F90 0100007F:9C40 03 00000000:00000000 00:00000000 00000000  1000        0 "
                + "0 1 0000000000000000 100 0 0 10 0\n";
        String established = "   2: 0100007F:B9FD 0100007F:ADDA 01 00000000:00000000 00:00000000 00000000  1000     "
                + "   0 7 1 0000000000000000 20 4 30 10 -1\n";
        String head = TCP_HEADER + listener + pending + listener.replace(":1F90", ":1F91") + established;
        Path table = Files.writeString(dir.resolve("tcp"), head + listener.replace(":1F90", ":1F92"));

        assertThat(ListeningSockets.listeningPart(table)).isEqualTo(head);
        assertThat(ListeningSockets.listeningPart(Files.writeString(dir.resolve("short"), TCP_HEADER + listener)))
                .as("a table of listeners only is read to its end").isEqualTo(TCP_HEADER + listener);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void parsesTheListeningSockets(Row row) {
        assertThat(ListeningSockets.parse(row.table(), row.order()))
                .extracting(socket -> socket + " inode " + socket.inode())
                .containsExactlyElementsOf(row.want());
    }
}
