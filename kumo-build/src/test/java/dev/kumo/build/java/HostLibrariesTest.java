package dev.kumo.build.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HostLibrariesTest {

    @Test
    void parsesResolvedLibrariesAndTheLoaderOnceEachSkippingTheVdsoAndTheUnresolved() {
        String ldd = """
                /jre/bin/java:
                \tlinux-vdso.so.1 (0x00007ffd5a1f6000)
                \tlibz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x00007f0e8c7e0000)
                \tlibjli.so => /jre/bin/../lib/libjli.so (0x00007f0e8c7c0000)
                \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f0e8c5df000)
                \t/lib64/ld-linux-x86-64.so.2 (0x00007f0e8c81d000)
                /jre/lib/libjava.so:
                \tlibjvm.so => not found
                \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f0e8c5df000)
                /jre/lib/jrt-fs.jar:
                \tnot a dynamic executable
                """;

        assertThat(HostLibraries.parse(ldd)).containsExactly(Path.of("/jre/bin/../lib/libjli.so"),
                Path.of("/lib/x86_64-linux-gnu/libc.so.6"), Path.of("/lib/x86_64-linux-gnu/libz.so.1"),
                Path.of("/lib64/ld-linux-x86-64.so.2"));
    }
}
