package dev.kumo.cli.session;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.cli.base.CliException;
import dev.kumo.cli.client.ApiError;
import dev.kumo.cli.client.ApiStatus;
import dev.kumo.cli.client.KindCatalog;
import dev.kumo.cli.client.ServerUnreachable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns a failure into the lines the user sees: {@code Error: message}, details, then a hint where one helps. */
public final class ErrorReport {

    private ErrorReport() {
    }

    /** The lines for a failure; {@code Error:} is the first line's prefix. */
    public static List<String> lines(Throwable failure) {
        List<String> lines = new ArrayList<>();
        switch (failure) {
            case ApiError api -> {
                lines.addAll(message(api.status()));
                hint(api).ifPresent(lines::add);
            }
            case ServerUnreachable unreachable -> {
                lines.add("Error: " + unreachable.getMessage());
                lines.add("Is the server running? Start it with 'kumo server'.");
            }
            case CliException cli -> {
                lines.add("Error: " + cli.getMessage());
                cli.hint().ifPresent(lines::add);
            }
            default -> lines.add("Error: " + (failure.getMessage() == null ? failure.getClass().getName()
                    : failure.getMessage()));
        }
        return lines;
    }

    /** The lines for a failure while doing something: {@code Error: applying x: message}. */
    public static List<String> lines(Throwable failure, String doing) {
        List<String> lines = new ArrayList<>(lines(failure));
        lines.set(0, "Error: " + doing + ": " + lines.getFirst().substring("Error: ".length()));
        return lines;
    }

    /** The message; an Invalid status with several causes lists them one per line, as kubectl does. */
    private static List<String> message(ApiStatus status) {
        if (status.causes().size() < 2 || status.kind().isEmpty() || status.name().isEmpty()) {
            return List.of("Error: " + status.message());
        }
        List<String> lines = new ArrayList<>();
        lines.add("Error: " + status.kind() + " \"" + status.name() + "\" is invalid:");
        // The server sends each cause's message without its field, as Kubernetes does; older servers included it.
        status.causes().forEach(c -> lines.add("* " + (c.field().isEmpty() || c.message().startsWith(c.field() + ":")
                ? c.message() : c.field() + ": " + c.message())));
        return lines;
    }

    private static Optional<String> hint(ApiError error) {
        ApiStatus status = error.status();
        return switch (status.code()) {
            case 401 -> Optional.of("Pass the server's token with --token or KUMO_TOKEN (the server keeps it in "
                    + "the file 'token' of its data directory).");
            case 404 -> notFoundHint(error);
            default -> Optional.empty();
        };
    }

    /**
     * Points at the list of the kind whose object was not found: the one the Status names, else the one asked for.
     * A 404 without a name is about the path itself (the server does not serve the kind): no hint then.
     */
    private static Optional<String> notFoundHint(ApiError error) {
        Optional<ResourceType> type = KindCatalog.resolve(error.status().kind()).or(error::type);
        if (type.isEmpty() || error.status().name().isEmpty()) {
            return Optional.empty();
        }
        ResourceType t = type.get();
        String command = listCommand(t);
        if (!t.namespaced()) {
            return Optional.of("Run '" + command + "' to see the " + t.plural() + ".");
        }
        String namespace = error.namespace().orElse(Session.DEFAULT_NAMESPACE);
        String flag = namespace.equals(Session.DEFAULT_NAMESPACE) ? "" : " -n " + namespace;
        return Optional.of("Run '" + command + flag + "' to see the " + t.plural() + " in namespace " + namespace
                + ".");
    }

    private static String listCommand(ResourceType type) {
        if (type.equals(ResourceTypes.SERVICE) || type.equals(ResourceTypes.REVISION)
                || type.equals(ResourceTypes.ROUTE)) {
            return "kumo " + type.singular() + " list";
        }
        return "kumo get " + type.plural();
    }
}
