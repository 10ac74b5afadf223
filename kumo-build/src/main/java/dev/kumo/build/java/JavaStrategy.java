package dev.kumo.build.java;

import com.google.cloud.tools.jib.api.JibContainer;
import dev.kumo.build.images.ImageLoader;
import dev.kumo.build.spi.BuildOutcome;
import dev.kumo.build.spi.BuildOutput;
import dev.kumo.build.spi.BuildRequest;
import dev.kumo.build.spi.BuildStrategy;
import dev.kumo.build.spi.StrategyParameter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The {@code java} strategy: compiles (javac in process for a directory of sources, the project's own Maven or
 * Gradle otherwise), puts the app onto a jlinked JRE with Jib and loads the image into local storage. Steps
 * {@code compile}, {@code base}, {@code image}, {@code load}. Unchanged input gives the same digest; an edit
 * rebuilds only the app's layer. Parameters: {@code main-class}, {@code modules} (more JDK modules, comma-separated).
 */
public final class JavaStrategy implements BuildStrategy {

    /** The JDK modules every image's JRE has: what an HTTP service on the JDK alone commonly uses. */
    static final SortedSet<String> MODULES = new TreeSet<>(Arrays.asList("java.base", "java.logging",
            "java.net.http", "jdk.httpserver", "jdk.crypto.ec", "java.naming", "java.sql", "java.xml",
            "java.management", "jdk.unsupported", "jdk.zipfs", "jdk.charsets"));

    private final ImageLoader images;
    private final Optional<Path> baseCache;

    /**
     * A strategy keeping its JREs and Jib's layer cache beside the Builds' caches ({@code cacheDir/../java-bases}),
     * shared by every Build whose cache is there.
     */
    public JavaStrategy(ImageLoader images) {
        this(images, Optional.empty());
    }

    /** A strategy keeping its JREs and Jib's layer cache in {@code baseCache}, shared by every Build. */
    public JavaStrategy(ImageLoader images, Path baseCache) {
        this(images, Optional.of(baseCache));
    }

    private JavaStrategy(ImageLoader images, Optional<Path> baseCache) {
        this.images = images;
        this.baseCache = baseCache;
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public String description() {
        return "A Maven or Gradle project, or a directory of .java sources, onto a JRE jlinked from Kumo's JDK, "
                + "imaged with Jib (no base image pulled)";
    }

    @Override
    public List<StrategyParameter> parameters() {
        return List.of(new StrategyParameter("main-class", "The class whose main runs; found in the sources when "
                + "there is one", ""), new StrategyParameter("modules", "JDK modules the JRE adds to "
                + String.join(",", MODULES), ""));
    }

    @Override
    public boolean detects(Path sourceDir) {
        return JavaProject.of(sourceDir).isPresent();
    }

    @Override
    public BuildOutcome build(BuildRequest request, BuildOutput log) throws InterruptedException {
        TimedOutput output = new TimedOutput(log);
        Path source = request.sourceDir().toAbsolutePath().normalize();
        Path cache = request.cacheDir().toAbsolutePath().normalize();
        try {
            output.step("compile");
            AppLayout app = compile(source, request.params(), cache, output);
            if (output.cancelled()) {
                return new BuildOutcome.Cancelled();
            }
            output.step("base");
            Path shared = baseCache.orElse(cache.resolveSibling("java-bases"));
            JreBase base = JreBase.of(modules(request.params()), shared, output);
            if (output.cancelled()) {
                return new BuildOutcome.Cancelled();
            }
            output.step("image");
            Path tar = cache.resolve("java/image.tar");
            JibContainer image = JibImage.write(base, app, request.image(), tar, shared.resolve("jib-layers"),
                    output);
            String id = image.getImageId().toString();
            output.line("image " + request.image() + " " + id + ", main class " + app.mainClass());
            output.step("load");
            long size = size(tar); // the OCI archive's: its layers as stored, compressed
            load(request.image(), id, tar, output);
            // The digest storage keeps (its manifest's), so NAME@DIGEST finds the image there.
            String digest = images.digest(request.image()).orElseThrow(() -> new StepFailed("load", "LoadFailed",
                    List.of(request.image() + " has no digest in local storage after its load")));
            output.line("digest: " + digest);
            output.end();
            return new BuildOutcome.Built(request.image(), digest, size);
        } catch (StepFailed failed) {
            return failed.outcome();
        } catch (InterruptedException e) {
            if (output.cancelled()) {
                return new BuildOutcome.Cancelled();
            }
            throw e;
        }
    }

    private static AppLayout compile(Path source, Map<String, String> params, Path cache, BuildOutput output)
            throws InterruptedException {
        JavaProject project = JavaProject.of(source).orElseThrow(() -> new StepFailed("compile", "NoJavaProject",
                List.of("no pom.xml, build.gradle(.kts) or .java file in " + source)));
        return switch (project) {
            case MAVEN -> ProjectBuild.build(ProjectBuild.Tool.MAVEN, source, params, cache, output);
            case GRADLE -> ProjectBuild.build(ProjectBuild.Tool.GRADLE, source, params, cache, output);
            case SOURCES -> SourcesCompile.compile(source, params, cache, output);
        };
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the size of " + file, e);
        }
    }

    // Unchanged input: the reference already names this image, so there is nothing to load.
    private void load(String image, String id, Path tar, BuildOutput output) {
        try {
            if (images.imageId(image).filter(id::equals).isPresent()) {
                output.line(image + " is already " + id + " in local storage");
            } else {
                output.line("loaded as " + images.load(tar));
            }
            Files.deleteIfExists(tar);
        } catch (IOException e) {
            throw new UncheckedIOException("removing " + tar, e);
        }
    }

    static SortedSet<String> modules(Map<String, String> params) {
        SortedSet<String> modules = new TreeSet<>(MODULES);
        Arrays.stream(params.getOrDefault("modules", "").split(",")).map(String::trim)
                .filter(module -> !module.isEmpty()).forEach(modules::add);
        return modules;
    }
}
