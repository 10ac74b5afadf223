package dev.kumo.cli.completion;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.cli.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * {@code kumo __complete WORD... PARTIAL}, which the completion scripts run: prints one candidate per line. Object
 * names come from the server the CLI would talk to; when it cannot be reached, the rest is still offered.
 */
public final class CompleteRun {

    /** The hidden first word the scripts call. */
    public static final String WORD = "__complete";

    private static final String SERVER = "server";

    private CompleteRun() {
    }

    public static int run(Session session, CommandLine root, List<String> words) {
        Completer completer = new Completer(root, (type, namespace) -> names(session, type, namespace));
        List<String> candidates = new ArrayList<>(completer.candidates(words));
        // 'server' is the composition root's command, not in the CLI's own tree.
        if (words.size() <= 1 && SERVER.startsWith(words.isEmpty() ? "" : words.getFirst())) {
            candidates.add(SERVER);
            candidates.sort(null);
        }
        candidates.forEach(session.out()::println);
        session.out().flush();
        return 0;
    }

    private static List<String> names(Session session, ResourceType type, Optional<String> namespace) {
        try {
            JsonNode list = session.client().list(type, type.namespaced()
                    ? Optional.of(namespace.orElseGet(session::namespace)) : Optional.empty(), Optional.empty());
            List<String> names = new ArrayList<>();
            list.path("items").forEach(item -> names.add(item.path("metadata").path("name").asText()));
            return names;
        } catch (RuntimeException e) {
            return List.of(); // no server, no token, no such kind there: nothing to offer, as a shell expects
        }
    }
}
