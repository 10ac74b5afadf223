package dev.kumo.cli.image;

import dev.kumo.cli.session.GroupCommand;
import picocli.CommandLine.Command;

/** {@code kumo image}: the verbs on images in the local storage Kumo's podman runs them from. */
@Command(name = "image", aliases = {"images"}, description = "Load and list the images Kumo's container runtime "
        + "runs without a registry (podman's local storage).",
        subcommands = {ImageLoadCommand.class, ImageListCommand.class})
public final class ImageCommand extends GroupCommand {
}
