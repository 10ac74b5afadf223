package dev.kumo.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The allocator's choices, over a stand-in for the kernel that offers the ports it is given, in order. */
class PortAllocatorTest {

    private static final int HELD = 40000;

    @Test
    void aReservedPortIsNotHandedOutAgainEvenOnceItIsNoLongerRecentUntilItIsReleased() {
        // The kernel offers the held port again after more ports than the allocator remembers.
        List<Integer> offered = new ArrayList<>(List.of(HELD));
        IntStream.range(0, PortAllocator.REMEMBERED).forEach(i -> offered.add(41000 + i));
        offered.add(HELD);
        offered.add(42000);
        offered.add(HELD);
        int[] next = {0};
        PortAllocator ports = new PortAllocator(() -> offered.get(next[0]++));

        assertThat(ports.reserve()).isEqualTo(HELD);
        IntStream.range(0, PortAllocator.REMEMBERED).forEach(i -> ports.allocate());

        assertThat(ports.allocate()).as("the held port, offered again, is passed over").isEqualTo(42000);
        ports.release(HELD);
        assertThat(ports.allocate()).as("released and no longer recent").isEqualTo(HELD);
    }

    @Test
    void aRecentPortIsNotHandedOutAgain() {
        int[] offered = {40001, 40001, 40002};
        int[] next = {0};
        PortAllocator ports = new PortAllocator(() -> offered[next[0]++]);

        assertThat(ports.allocate()).isEqualTo(40001);
        assertThat(ports.allocate()).isEqualTo(40002);
    }
}
