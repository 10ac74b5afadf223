package dev.kumo.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SocketHoldersTest {

    @Test
    void absolutePathsAreCutToTheirFileNamesWhereverTheCheckoutLives() {
        String cmdline = "/root/.pyenv/versions/3.11.7/bin/python3\0-u\0/check/work/main/kumo-runtime/target/"
                + "test-classes/workloads/workload.py\0fixed\0";

        assertThat(SocketHolders.shortened(cmdline)).isEqualTo("python3 -u workload.py fixed");
    }

    @Test
    void otherArgumentsAndADirectoryAreKeptAsTheyAre() {
        assertThat(SocketHolders.shortened("java\0-cp\0a.jar:b.jar\0--root=/srv/\0/srv/\0"))
                .isEqualTo("java -cp a.jar:b.jar --root=/srv/ /srv/");
    }
}
