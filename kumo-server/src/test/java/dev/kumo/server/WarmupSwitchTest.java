package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class WarmupSwitchTest {

    private static ServerCommand parsed(String... args) {
        ServerCommand command = new ServerCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void everyFormThatWorksIsRead() {
        assertThat(parsed().warmup).isTrue();
        assertThat(parsed("--warmup").warmup).isTrue();
        assertThat(parsed("--warmup=TRUE").warmup).isTrue();
        assertThat(parsed("--warmup=false").warmup).isFalse();
        assertThat(parsed("--no-warmup").warmup).isFalse();
    }

    @Test
    void anythingElseIsRefusedNamingTheOptionTheValueAndTheFix() {
        assertThatThrownBy(() -> parsed("--warmup=maybe"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--warmup")
                .hasMessageContaining("'maybe' is neither true nor false")
                .hasMessageContaining("--warmup=false or --no-warmup");
    }
}
