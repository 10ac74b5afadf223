package dev.kumo.runtime.process;

import java.util.List;
import java.util.Set;

/**
 * Decides whose listening socket a connection to 127.0.0.1:PORT reaches, from the machine's listening sockets and
 * the socket inodes an instance's processes hold; pure, so the rules are tested without processes.
 */
final class PortOwnership {

    /** Whose socket answers at the port. */
    sealed interface Verdict {

        /** One of the instance's own processes listens there. */
        record Owned() implements Verdict {
        }

        /** Nothing listens there that a loopback connection could reach. */
        record NotListening() implements Verdict {
        }

        /** Only other processes' sockets listen there. */
        record Foreign(List<ListeningSockets.Socket> sockets) implements Verdict {

            public Foreign {
                sockets = List.copyOf(sockets);
            }
        }
    }

    private PortOwnership() {
    }

    /**
     * The verdict for a connection to 127.0.0.1:{@code port}. A socket bound to 127.0.0.1 itself is what the kernel
     * picks over a wildcard bind, so when there is one only those count; several sockets on one address
     * (SO_REUSEPORT) share the connections, so one of them being the instance's is enough.
     */
    static Verdict atLoopback(int port, List<ListeningSockets.Socket> listening, Set<Long> ownInodes) {
        List<ListeningSockets.Socket> reachable = listening.stream().filter(s -> s.reachableAtLoopback(port))
                .toList();
        if (reachable.isEmpty()) {
            return new Verdict.NotListening();
        }
        List<ListeningSockets.Socket> specific = reachable.stream().filter(ListeningSockets.Socket::boundToLoopback)
                .toList();
        List<ListeningSockets.Socket> chosen = specific.isEmpty() ? reachable : specific;
        return chosen.stream().anyMatch(s -> ownInodes.contains(s.inode())) ? new Verdict.Owned()
                : new Verdict.Foreign(chosen);
    }

    /** Where the instance listens: the listening sockets among its own. */
    static List<ListeningSockets.Socket> ownedBy(List<ListeningSockets.Socket> listening, Set<Long> ownInodes) {
        return listening.stream().filter(s -> ownInodes.contains(s.inode())).toList();
    }
}
