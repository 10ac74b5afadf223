package dev.kumo.runtime.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Which processes hold which sockets, read from Linux's {@code /proc}: every open file of a process is a link in
 * {@code /proc/PID/fd}, named {@code socket:[INODE]} for a socket; the command comes from {@code /proc/PID/cmdline}.
 * A process that is gone, or that Kumo may not inspect (another user's), holds nothing as far as this class sees.
 */
final class SocketHolders {

    private static final int COMMAND_MAX_CHARS = 120;

    /** A process, by pid and command line, as a person reads it: {@code pid 4242 (python3 app.py)}. */
    record Holder(long pid, String command) {

        @Override
        public String toString() {
            return "pid " + pid + " (" + command + ")";
        }
    }

    private final Path proc;

    SocketHolders(Path proc) {
        this.proc = proc;
    }

    /**
     * The socket inodes the processes hold open, each with the first of them seen holding it; empty when one of
     * them runs but may not be inspected (a non-dumpable process's {@code fd} belongs to root), as then nothing
     * can be told of what they hold. A process that is gone holds nothing.
     */
    Optional<Map<Long, Long>> socketsOf(Collection<Long> pids) {
        Map<Long, Long> inodes = new HashMap<>();
        for (long pid : pids) {
            if (!forEachSocket(proc.resolve(Long.toString(pid)), inode -> inodes.putIfAbsent(inode, pid))) {
                return Optional.empty();
            }
        }
        return Optional.of(inodes);
    }

    /** The process holding the socket, looked for among every process in {@code /proc} that can be inspected. */
    Optional<Holder> holderOf(long inode) {
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc,
                entry -> entry.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path process : processes) {
                boolean[] found = {false};
                forEachSocket(process, held -> found[0] |= held == inode);
                if (found[0]) {
                    long pid = Long.parseLong(process.getFileName().toString());
                    return Optional.of(new Holder(pid, command(pid)));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * The command line of a process, each absolute path cut to its file name ({@code python3 -u app.py}) and the whole
     * capped; its name ({@code comm}) when the command line is empty or hidden.
     */
    String command(long pid) {
        Path dir = proc.resolve(Long.toString(pid));
        try {
            String line = shortened(new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8));
            if (line.isEmpty()) {
                line = Files.readString(dir.resolve("comm")).strip();
            }
            return line.length() > COMMAND_MAX_CHARS ? line.substring(0, COMMAND_MAX_CHARS) + "…" : line;
        } catch (IOException e) {
            return "command unknown";
        }
    }

    /** The NUL-separated arguments joined by spaces, an absolute path ({@code /a/b/app.py}) cut to its file name. */
    static String shortened(String cmdline) {
        StringBuilder line = new StringBuilder();
        for (String argument : cmdline.split("\0")) {
            if (argument.isEmpty()) {
                continue;
            }
            int slash = argument.lastIndexOf('/');
            boolean path = argument.startsWith("/") && slash < argument.length() - 1;
            line.append(line.isEmpty() ? "" : " ").append(path ? argument.substring(slash + 1) : argument);
        }
        return line.toString();
    }

    /** Calls the action with each socket the process holds; false when it may not be inspected. */
    private static boolean forEachSocket(Path process, LongConsumer action) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path fd : fds) {
                socketInode(fd).ifPresent(action::accept);
            }
            return true;
        } catch (AccessDeniedException e) {
            return false;
        } catch (IOException e) {
            return true; // gone meanwhile: it holds nothing
        }
    }

    private static Optional<Long> socketInode(Path fd) {
        try {
            String target = Files.readSymbolicLink(fd).toString();
            if (target.startsWith("socket:[") && target.endsWith("]")) {
                return Optional.of(Long.parseLong(target.substring("socket:[".length(), target.length() - 1)));
            }
        } catch (IOException | NumberFormatException e) {
            // closed meanwhile, or not a socket
        }
        return Optional.empty();
    }
}
