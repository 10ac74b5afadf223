package dev.kumo.build.images;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Local image storage as a build sees it: what an image reference points at, and loading an archive into it. */
public interface ImageLoader {

    /** The id ({@code sha256:…}) of the image {@code reference} names in local storage, if it is there. */
    Optional<String> imageId(String reference);

    /**
     * The manifest digest ({@code sha256:…}) local storage keeps for the image {@code reference} names: what
     * {@code NAME@DIGEST} finds there, so a Revision can run the image by digest.
     */
    Optional<String> digest(String reference);

    /** Loads an image archive (an oci-archive or docker-archive tar) into local storage; returns the names it was given. */
    List<String> load(Path archive);
}
