package dev.kumo.cli.plugin;

import dev.kumo.cli.session.CliEnvironment;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where plugins are found, as kn finds them: executables named {@code kumo-…} in {@code ~/.config/kumo/plugins},
 * then on {@code PATH}, the first of a name winning. {@code kumo a b c} runs {@code kumo-a-b-c}, else
 * {@code kumo-a-b} with {@code c}, else {@code kumo-a} with {@code b c}; built-in commands are never shadowed.
 *
 * @param directories where to look, in order
 */
public record Plugins(List<Path> directories) {

    /** The prefix of a plugin's file name. */
    static final String PREFIX = "kumo-";

    public Plugins {
        directories = List.copyOf(directories);
    }

    /** The plugin directories of {@code environment}: the user's, then {@code PATH}'s. */
    public static Plugins of(CliEnvironment environment) {
        List<Path> directories = new ArrayList<>();
        directories.add(environment.variable("XDG_CONFIG_HOME").map(Path::of)
                .orElse(environment.home().resolve(".config")).resolve("kumo").resolve("plugins"));
        environment.variable("PATH").ifPresent(path -> Arrays.stream(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank()).map(Path::of).forEach(directories::add));
        return new Plugins(directories);
    }

    /** A plugin and the arguments it gets. */
    public record Invocation(Path executable, List<String> arguments) {
    }

    /**
     * The plugin a command line names, when its first word is no built-in command: the longest run of leading
     * words (up to the first option) that names one.
     */
    public Optional<Invocation> find(List<String> args, Predicate<String> builtIn) {
        if (args.isEmpty() || args.getFirst().startsWith("-") || builtIn.test(args.getFirst())) {
            return Optional.empty();
        }
        int words = 0;
        while (words < args.size() && !args.get(words).startsWith("-")) {
            words++;
        }
        for (int n = words; n >= 1; n--) {
            Optional<Path> executable = executable(PREFIX + String.join("-", args.subList(0, n)));
            if (executable.isPresent()) {
                return Optional.of(new Invocation(executable.get(), List.copyOf(args.subList(n, args.size()))));
            }
        }
        return Optional.empty();
    }

    /** Every plugin found, by its command name, with the file that runs; shadowed ones are left out. */
    public Map<String, Path> all() {
        Map<String, Path> found = new LinkedHashMap<>();
        for (Path directory : directories) {
            try (var files = Files.list(directory)) {
                files.filter(Plugins::isPlugin).sorted().forEach(file -> found.putIfAbsent(
                        file.getFileName().toString().substring(PREFIX.length()).replace('-', ' '), file));
            } catch (java.io.IOException | SecurityException e) {
                // A PATH entry that does not exist or cannot be read holds no plugin, as for a shell.
            }
        }
        return found;
    }

    private Optional<Path> executable(String fileName) {
        return directories.stream().map(directory -> directory.resolve(fileName)).filter(Plugins::isPlugin)
                .findFirst();
    }

    private static boolean isPlugin(Path file) {
        return file.getFileName().toString().startsWith(PREFIX) && Files.isRegularFile(file)
                && Files.isExecutable(file);
    }
}
