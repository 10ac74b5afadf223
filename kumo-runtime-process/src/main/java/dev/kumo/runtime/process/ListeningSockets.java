package dev.kumo.runtime.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The TCP sockets in the LISTEN state, read from Linux's {@code /proc/net/tcp} and {@code /proc/net/tcp6}: address,
 * port and the socket's inode, which names it among a process's open files ({@code /proc/PID/fd/N -> socket:[INODE]}).
 */
final class ListeningSockets {

    /** The kernel's code for TCP_LISTEN in the {@code st} column. */
    private static final String LISTEN = "0A";
    /** TCP_SYN_RECV: a pending connection. */
    private static final String SYN_RECV = "03";
    /** The width of one line of {@code /proc/net/tcp} (the kernel's TMPSZ); tcp6's are longer. */
    private static final int RECORD_BYTES = 150;
    private static final InetAddress LOOPBACK_V4 = loopbackV4();

    /** One listening socket; an IPv4-mapped IPv6 address ({@code ::ffff:127.0.0.1}) reads as its IPv4 address. */
    record Socket(InetAddress address, int port, long inode) {

        /** Whether a connection to 127.0.0.1 on {@code toPort} can reach it: bound there, or to every address. */
        boolean reachableAtLoopback(int toPort) {
            return port == toPort && (address.isAnyLocalAddress() || address.equals(LOOPBACK_V4));
        }

        /** Bound to 127.0.0.1 itself, which the kernel prefers over a wildcard bind. */
        boolean boundToLoopback() {
            return address.equals(LOOPBACK_V4);
        }

        @Override
        public String toString() {
            return (address.getAddress().length == 16 ? "[" + address.getHostAddress() + "]"
                    : address.getHostAddress()) + ":" + port;
        }
    }

    private ListeningSockets() {
    }

    /**
     * The listening sockets of the machine's network namespace, or empty where {@code /proc/net/tcp} cannot be read
     * (not Linux): ownership then cannot be told.
     */
    static Optional<List<Socket>> read(Path proc) {
        List<Socket> sockets = new ArrayList<>();
        boolean any = false;
        for (String table : List.of("tcp", "tcp6")) {
            try {
                sockets.addAll(parse(listeningPart(proc.resolve("net").resolve(table)), ByteOrder.nativeOrder()));
                any = true;
            } catch (NoSuchFileException e) {
                // tcp6 is absent on a kernel without IPv6
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return any ? Optional.of(List.copyOf(sockets)) : Optional.empty();
    }

    /**
     * The head of a table, up to its first socket that neither listens nor is a pending connection (which kernels
     * before 4.4 list under their listener). The kernel lists the listening sockets first; the rest of the table is
     * a walk of its whole established hash, some 10x the cost of the head on a busy host, paid on the path of every
     * start. Reading a record at a time makes the kernel step one socket per read, so that walk stops at the first
     * socket after the listeners.
     */
    static String listeningPart(Path table) throws IOException {
        StringBuilder text = new StringBuilder();
        ByteBuffer buffer = ByteBuffer.allocate(RECORD_BYTES);
        int unread = 0;
        try (FileChannel channel = FileChannel.open(table)) {
            while (channel.read(buffer.clear()) > 0) {
                text.append(new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII));
                for (int end = text.indexOf("\n", unread); end >= 0; end = text.indexOf("\n", unread)) {
                    String line = text.substring(unread, end);
                    unread = end + 1;
                    if (pastTheListeners(line)) {
                        return text.substring(0, unread);
                    }
                }
            }
        }
        return text.toString();
    }

    private static boolean pastTheListeners(String line) {
        String[] fields = line.trim().split("\\s+");
        return fields.length > 3 && fields[0].endsWith(":") && !fields[3].equals(LISTEN)
                && !fields[3].equals(SYN_RECV);
    }

    /**
     * Parses the text of {@code /proc/net/tcp} or {@code /proc/net/tcp6} (a header line, then one socket per line)
     * into the sockets in the LISTEN state. Addresses are hex words in the kernel's byte order, the port hex.
     */
    static List<Socket> parse(String table, ByteOrder kernelOrder) {
        List<Socket> listening = new ArrayList<>();
        for (String line : table.split("\n")) {
            if (!line.contains(" " + LISTEN + " ")) {
                continue; // cheap: only the st column can hold " 0A " (the others are longer hex or decimal)
            }
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 10 || !fields[0].endsWith(":") || !fields[3].equals(LISTEN)) {
                continue; // the header, a blank line, or a socket that does not listen
            }
            String[] local = fields[1].split(":");
            if (local.length != 2) {
                continue;
            }
            try {
                listening.add(new Socket(address(local[0], kernelOrder), Integer.parseInt(local[1], 16),
                        Long.parseLong(fields[9])));
            } catch (IllegalArgumentException | UnknownHostException e) {
                // a line this parser does not understand says nothing about ownership; skip it
            }
        }
        return listening;
    }

    private static InetAddress loopbackV4() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("127.0.0.1 is a valid address", e);
        }
    }

    private static InetAddress address(String hex, ByteOrder kernelOrder) throws UnknownHostException {
        if (hex.length() != 8 && hex.length() != 32) {
            throw new IllegalArgumentException("not an IPv4 or IPv6 address: " + hex);
        }
        byte[] bytes = HexFormat.of().parseHex(hex);
        if (kernelOrder == ByteOrder.LITTLE_ENDIAN) {
            for (int word = 0; word < bytes.length; word += 4) {
                reverse(bytes, word);
            }
        }
        return InetAddress.getByAddress(bytes);
    }

    private static void reverse(byte[] bytes, int from) {
        for (int i = 0; i < 2; i++) {
            byte swap = bytes[from + i];
            bytes[from + i] = bytes[from + 3 - i];
            bytes[from + 3 - i] = swap;
        }
    }
}
