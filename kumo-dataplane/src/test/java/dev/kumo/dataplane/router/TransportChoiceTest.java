package dev.kumo.dataplane.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.dataplane.api.RouterTransport;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The front's transport from the setting and what the system allows, the system played by a seam. */
class TransportChoiceTest {

    /** A system where io_uring is refused for {@code why} (empty: allowed) and epoll is or is not available. */
    private record System(Optional<String> why, boolean epoll) implements NativeTransports {

        @Override
        public Optional<String> ioUringUnavailable() {
            return why;
        }

        @Override
        public boolean epollAvailable() {
            return epoll;
        }
    }

    private static final System ALL = new System(Optional.empty(), true);
    private static final System NO_URING = new System(Optional.of("kernel.io_uring_disabled is 2"), true);
    private static final System NEITHER = new System(Optional.of("seccomp"), false);

    @Test
    void autoIsIoUringWhereTheKernelAllowsIt() {
        assertThat(TransportChoice.of(RouterTransport.AUTO, ALL))
                .isEqualTo(new TransportChoice(Transport.IO_URING, Optional.empty()));
    }

    @Test
    void autoFallsBackToEpollSayingWhy() {
        assertThat(TransportChoice.of(RouterTransport.AUTO, NO_URING)).isEqualTo(new TransportChoice(Transport.EPOLL,
                Optional.of("io_uring unavailable: kernel.io_uring_disabled is 2")));
        assertThat(TransportChoice.of(RouterTransport.AUTO, NEITHER)).isEqualTo(new TransportChoice(Transport.NIO,
                Optional.of("io_uring unavailable: seccomp; epoll unavailable, on NIO")));
    }

    @Test
    void epollIsEpollWhereverIoUringIsAllowedAndNioWithoutIt() {
        assertThat(TransportChoice.of(RouterTransport.EPOLL, ALL))
                .isEqualTo(new TransportChoice(Transport.EPOLL, Optional.empty()));
        assertThat(TransportChoice.of(RouterTransport.EPOLL, NEITHER))
                .isEqualTo(new TransportChoice(Transport.NIO, Optional.of("epoll unavailable, on NIO")));
    }

    @Test
    void ioUringNamedWhereItCannotBeUsedIsAnErrorSayingWhyAndTheChoices() {
        assertThat(TransportChoice.of(RouterTransport.IO_URING, ALL).transport()).isEqualTo(Transport.IO_URING);
        assertThatThrownBy(() -> TransportChoice.of(RouterTransport.IO_URING, NO_URING))
                .isInstanceOf(IllegalStateException.class).hasMessage("--router-transport is io_uring, which cannot "
                        + "be used here: kernel.io_uring_disabled is 2; use --router-transport auto or epoll");
    }
}
