package dev.kumo.runtime.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.nio.file.Files;
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
                sockets.addAll(parse(Files.readString(proc.resolve("net").resolve(table)), ByteOrder.nativeOrder()));
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
