package dev.kumo.api.shipwright;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A Build's source, as Shipwright writes it: {@code type: Git} with {@code git.url} (a repository reachable from this
 * machine, or {@code file:///abs/dir} for a local directory, built as it is on disk), and an optional
 * {@code contextDir} inside it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BuildSource(String type, String contextDir, Git git) {

    /** The one source type Kumo builds from. */
    public static final String GIT = "Git";
    /** The URL scheme of a local directory. */
    public static final String FILE_SCHEME = "file://";

    /** A local directory, by its absolute path. */
    public static BuildSource directory(java.nio.file.Path dir) {
        return new BuildSource(GIT, null, new Git(FILE_SCHEME + dir.toAbsolutePath().normalize(), null));
    }

    /** A git repository: {@code url}, and {@code revision} (a branch or tag) when not the default branch. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Git(String url, String revision) {
    }
}
