package dev.kumo.cli.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.cli.base.CliException;
import dev.kumo.cli.output.Age;
import dev.kumo.cli.output.ObjectPrinter;
import dev.kumo.cli.output.Output;
import dev.kumo.cli.output.Table;
import dev.kumo.cli.session.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code kumo image list}: the images in local storage, by name, with their digest (what a Revision runs). */
@Command(name = "list", aliases = {"ls"}, description = "List the images in the local storage Kumo's container "
        + "runtime runs images from.")
public final class ImageListCommand implements Callable<Integer> {

    private static final Duration LIMIT = Duration.ofMinutes(1);

    private final Session session;

    public ImageListCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ArrayNode images = images(parse(LocalImages.podman(session, LIMIT, "images", "--format", "json")));
        Optional<Output> format = session.options().output();
        if (format.isPresent()) {
            ObjectNode list = Json.object();
            list.set("items", images);
            session.out().print(ObjectPrinter.format(list, format.get(), item -> "image"));
        } else {
            session.out().print(table(images, session.now()).render(!session.options().noHeaders()));
        }
        session.out().flush();
        return 0;
    }

    /** One item per name of each image (an image without a name is listed once as {@code <none>}). */
    static ArrayNode images(JsonNode podmanImages) {
        ArrayNode items = Json.mapper().createArrayNode();
        for (JsonNode image : podmanImages) {
            List<String> names = image.path("Names").valueStream().map(JsonNode::asText).toList();
            for (String name : names.isEmpty() ? List.of("<none>") : names) {
                ObjectNode item = items.addObject();
                item.putObject("metadata").put("name", name);
                item.put("id", image.path("Id").asText()).put("digest", image.path("Digest").asText())
                        .put("size", image.path("Size").asLong()).put("created", image.path("CreatedAt").asText());
            }
        }
        return items;
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new CliException("podman images answered what is not JSON: " + e.getOriginalMessage(),
                    "Check the container runtime with 'kumo doctor'.");
        }
    }

    static Table table(ArrayNode images, Instant now) {
        Table table = new Table("NAME", "IMAGE ID", "DIGEST", "SIZE", "AGE");
        for (JsonNode image : images) {
            String id = image.path("id").asText();
            table.row(image.at("/metadata/name").asText(), id.substring(0, Math.min(12, id.length())),
                    image.path("digest").asText(), size(image.path("size").asLong()),
                    Age.since(image.path("created").asText(), now));
        }
        return table;
    }

    private static String size(long bytes) {
        return bytes >= 1_000_000 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1e6)
                : String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
    }
}
