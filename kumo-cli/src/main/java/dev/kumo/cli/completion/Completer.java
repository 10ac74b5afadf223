package dev.kumo.cli.completion;

import dev.kumo.api.meta.ResourceType;
import dev.kumo.cli.client.KindCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What a shell may complete the last word of a {@code kumo} line with, as cobra's {@code __complete} answers: the
 * subcommands and options of the command the earlier words reach, the names of existing objects where a verb takes
 * one (from the server, through {@code names}), kinds after {@code get}/{@code delete}, namespaces after {@code -n}.
 */
public final class Completer {

    /** Verbs whose NAME is an existing object of their group's kind. */
    private static final Set<String> NAMING_VERBS = Set.of("describe", "update", "delete", "rm", "logs", "wait",
            "invoke", "list", "ls", "apply");

    private final CommandLine root;
    private final BiFunction<ResourceType, Optional<String>, List<String>> names;

    /**
     * @param root the whole command tree
     * @param names the names of a kind's objects in a namespace (empty: the default one); none when unknown
     */
    public Completer(CommandLine root, BiFunction<ResourceType, Optional<String>, List<String>> names) {
        this.root = root;
        this.names = names;
    }

    /** The candidates for the last of {@code words} (the words after {@code kumo}; the last may be empty). */
    public List<String> candidates(List<String> words) {
        if (words.isEmpty()) {
            return candidates(List.of(""));
        }
        String partial = words.getLast();
        List<CommandLine> path = new ArrayList<>(List.of(root));
        List<String> positionals = new ArrayList<>();
        Optional<String> namespace = Optional.empty();
        OptionSpec pending = null;
        for (String word : words.subList(0, words.size() - 1)) {
            CommandLine current = path.getLast();
            if (pending != null) {
                namespace = isNamespace(pending) ? Optional.of(word) : namespace;
                pending = null;
            } else if (word.startsWith("-")) {
                OptionSpec option = current.getCommandSpec().findOption(word.split("=", 2)[0]);
                if (option != null && !word.contains("=") && option.arity().min() > 0) {
                    pending = option;
                } else if (option != null && isNamespace(option) && word.contains("=")) {
                    namespace = Optional.of(word.split("=", 2)[1]);
                }
            } else if (positionals.isEmpty() && current.getSubcommands().containsKey(word)) {
                path.add(current.getSubcommands().get(word));
            } else {
                positionals.add(word);
            }
        }
        CommandLine command = path.getLast();
        Set<String> found = new TreeSet<>();
        if (pending != null) {
            if (isNamespace(pending)) {
                found.addAll(names.apply(KindCatalog.resolve("namespaces").orElseThrow(), Optional.empty()));
            }
        } else if (partial.startsWith("-")) {
            command.getCommandSpec().options().stream().filter(o -> !o.hidden())
                    .forEach(o -> found.addAll(List.of(o.names())));
        } else {
            if (positionals.isEmpty()) {
                command.getSubcommands().forEach((name, sub) -> {
                    if (!sub.getCommandSpec().usageMessage().hidden() && name.equals(sub.getCommandSpec().name())) {
                        found.add(name);
                    }
                });
            }
            if (path.size() == 2 && Set.of("get", "delete").contains(command.getCommandSpec().name())
                    && positionals.isEmpty()) {
                found.addAll(kinds());
            }
            Optional<String> in = namespace;
            objectKind(path, positionals).ifPresent(kind -> found.addAll(names.apply(kind, in)));
        }
        return found.stream().filter(c -> c.startsWith(partial)).toList();
    }

    /**
     * The kind whose names the next positional takes: after {@code get|delete KIND}, that kind; after a group's
     * naming verb ({@code service describe}), the group's kind. {@code get}'s and {@code delete}'s first word is
     * a kind, offered as the kinds' plurals.
     */
    private Optional<ResourceType> objectKind(List<CommandLine> path, List<String> positionals) {
        CommandSpec spec = path.getLast().getCommandSpec();
        if (path.size() == 2 && Set.of("get", "delete").contains(spec.name())) {
            return positionals.isEmpty() ? Optional.empty() : KindCatalog.resolve(positionals.getFirst());
        }
        if (path.size() < 3 || !NAMING_VERBS.contains(spec.name()) || !positionals.isEmpty()) {
            return Optional.empty();
        }
        String group = path.get(path.size() - 2).getCommandSpec().name();
        return KindCatalog.resolve(group.equals("service") ? "ksvc" : group).or(() -> KindCatalog.resolve(group + "source"))
                .or(() -> KindCatalog.resolve("sink" + group));
    }

    /** The kinds' plurals, for {@code get} and {@code delete}. */
    private static List<String> kinds() {
        return KindCatalog.types().stream().map(ResourceType::plural).toList();
    }

    private static boolean isNamespace(OptionSpec option) {
        return List.of(option.names()).contains("--namespace");
    }
}
