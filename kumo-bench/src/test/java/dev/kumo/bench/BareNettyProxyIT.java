package dev.kumo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class BareNettyProxyIT {

    /**
     * The upstream's accept queue is full, so Linux drops the proxy's SYN and its connect completes only at the
     * retransmission, about a second later: well after the client has gone. Whether the inbound's close is handled
     * before the connect completes (then the connect's listener must close the upstream) or after it (then
     * {@code channelInactive} does) is Netty's order; either way no upstream connection is left open.
     */
    @Test
    void anUpstreamConnectThatCompletesAfterTheClientLeftIsClosed() throws Exception {
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket upstream = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            fillAcceptQueue(upstream, fillers);
            try (BareNettyProxy proxy = BareNettyProxy.start(1, upstream.getLocalPort())) {
                Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
                client.setSoLinger(true, 0); // a reset, as a client that gives up sends
                client.close();
                for (int i = 0; i < fillers.size(); i++) {
                    upstream.accept().close();
                }
                upstream.setSoTimeout(10_000);
                try (Socket pinned = upstream.accept()) {
                    pinned.setSoTimeout(5_000);

                    assertThat(pinned.getInputStream().read()).as("the proxy closes its upstream connection")
                            .isEqualTo(-1);
                }
            }
        } finally {
            for (Socket filler : fillers) {
                filler.close();
            }
        }
    }

    /** Connects until a connect is not answered: the listener's accept queue is then full. */
    private static void fillAcceptQueue(ServerSocket listener, List<Socket> fillers) throws IOException {
        while (fillers.size() < 64) {
            Socket socket = new Socket();
            try {
                socket.connect(listener.getLocalSocketAddress(), 300);
                fillers.add(socket);
            } catch (SocketTimeoutException e) {
                socket.close();
                return;
            }
        }
        Assumptions.abort("this kernel answered 64 connects to a listener with a backlog of 1: it never drops a SYN, "
                + "so the test cannot hold the proxy's upstream connect open");
    }
}
