package dev.kumo.runtime.spi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A command to run on the host: the program and its leading arguments, more arguments, and the directory it starts
 * in. An empty command has nothing to run (a container with neither command nor image), which runtimes refuse.
 */
public record ProcessWorkload(WorkloadSpec.Common common, List<String> command, List<String> args,
        Optional<Path> workingDir) implements WorkloadSpec {

    public ProcessWorkload {
        Objects.requireNonNull(common, "common");
        command = List.copyOf(command);
        args = List.copyOf(args);
        Objects.requireNonNull(workingDir, "workingDir");
    }

    /** The full command line: command followed by args. */
    public List<String> commandLine() {
        List<String> line = new ArrayList<>(command);
        line.addAll(args);
        return line;
    }

    /** This workload with another command (the program and its leading arguments). */
    public ProcessWorkload withCommand(List<String> newCommand) {
        return new ProcessWorkload(common, newCommand, args, workingDir);
    }

    /** Builds a {@link ProcessWorkload}; start with {@link WorkloadSpec#process}. */
    public static final class Builder extends WorkloadSpec.Builder<Builder> {

        Builder(RevisionRef revision) {
            super(revision);
        }

        @Override
        public ProcessWorkload build() {
            return new ProcessWorkload(common(), command(), args(), workingDir());
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
