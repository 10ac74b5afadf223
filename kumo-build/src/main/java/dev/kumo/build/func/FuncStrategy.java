package dev.kumo.build.func;

import com.google.cloud.tools.jib.api.JibContainer;
import dev.kumo.build.images.ImageLoader;
import dev.kumo.build.java.StepFailed;
import dev.kumo.build.java.TimedOutput;
import dev.kumo.build.spi.BuildOutcome;
import dev.kumo.build.spi.BuildOutput;
import dev.kumo.build.spi.BuildRequest;
import dev.kumo.build.spi.BuildStrategy;
import dev.kumo.build.spi.SourcePaths;
import dev.kumo.build.spi.StrategyParameter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code func} strategy: a Python or Node program (a function with Kumo's invoker) onto a base assembled from
 * the host's interpreter, written by Jib and loaded into local storage — no registry, no base image to pull. Steps
 * {@code base}, {@code image}, {@code load}. Parameters: {@code runtime} ({@code python} or {@code node}, else told
 * by the invoker the directory holds) and {@code main} (the file to run, by default Kumo's invoker).
 */
public final class FuncStrategy implements BuildStrategy {

    /** The file each language runs by default: Kumo's invoker, as {@code kumo func} puts it beside the function. */
    static final Map<String, String> INVOKERS = Map.of("python", "kumo_invoker.py", "node", "kumo-invoker.js");

    private final ImageLoader images;
    private final Path baseCache;

    /** A strategy keeping its bases and Jib's layer cache in {@code baseCache}, shared by every Build. */
    public FuncStrategy(ImageLoader images, Path baseCache) {
        this.images = images;
        this.baseCache = baseCache;
    }

    @Override
    public String name() {
        return "func";
    }

    @Override
    public String description() {
        return "A Python or Node program (a function with Kumo's invoker) onto a base assembled from the host's "
                + "interpreter, imaged with Jib (no base image pulled)";
    }

    @Override
    public List<StrategyParameter> parameters() {
        return List.of(new StrategyParameter("runtime", "python or node; told by the invoker the source holds when "
                + "not set", ""), new StrategyParameter("main", "The file to run; Kumo's invoker of the language when "
                + "not set", ""));
    }

    @Override
    public boolean detects(Path sourceDir) {
        return INVOKERS.values().stream().anyMatch(invoker -> Files.isRegularFile(sourceDir.resolve(invoker)));
    }

    @Override
    public BuildOutcome build(BuildRequest request, BuildOutput log) throws InterruptedException {
        TimedOutput output = new TimedOutput(log);
        Path source = request.sourceDir().toAbsolutePath().normalize();
        Path cache = request.cacheDir().toAbsolutePath().normalize();
        try {
            output.step("base");
            String language = language(source, request.params());
            String main = request.params().getOrDefault("main", INVOKERS.get(language));
            if (SourcePaths.inside(source, main).filter(Files::isRegularFile).isEmpty()) {
                throw new StepFailed("base", "MainMissing", List.of("the build parameter main is '" + main
                        + "', which is no file in " + source + ": set it to the program's file"));
            }
            InterpreterBase base = InterpreterBase.of(Interpreter.of(language), baseCache, output);
            if (output.cancelled()) {
                return new BuildOutcome.Cancelled();
            }
            output.step("image");
            Path tar = cache.resolve("func/image.tar");
            Files.createDirectories(tar.getParent());
            JibContainer image = FuncImage.write(base, source, main, request.image(), tar,
                    baseCache.resolve("jib-layers"), output);
            String id = image.getImageId().toString();
            output.line("image " + request.image() + " " + id + ", running " + main);
            output.step("load");
            load(request.image(), id, tar, output);
            String digest = images.digest(request.image()).orElseThrow(() -> new StepFailed("load", "LoadFailed",
                    List.of(request.image() + " has no digest in local storage after its load")));
            output.line("digest: " + digest);
            output.end();
            return new BuildOutcome.Built(request.image(), digest);
        } catch (StepFailed failed) {
            return failed.outcome();
        } catch (IOException e) {
            throw new UncheckedIOException("building " + source, e);
        } catch (InterruptedException e) {
            if (output.cancelled()) {
                return new BuildOutcome.Cancelled();
            }
            throw e;
        }
    }

    // The runtime parameter, else the language whose invoker the directory holds.
    private static String language(Path source, Map<String, String> params) {
        if (params.containsKey("runtime")) {
            return Interpreter.language(params.get("runtime"));
        }
        return INVOKERS.entrySet().stream().filter(e -> Files.isRegularFile(source.resolve(e.getValue())))
                .map(Map.Entry::getKey).sorted().findFirst()
                .orElseThrow(() -> new StepFailed("base", "UnknownRuntime", List.of("cannot tell the language of "
                        + source + ": set the build parameter runtime to one of "
                        + String.join(", ", Interpreter.LANGUAGES))));
    }

    // Unchanged input: the reference already names this image, so there is nothing to load.
    private void load(String image, String id, Path tar, BuildOutput output) throws IOException {
        if (images.imageId(image).filter(id::equals).isPresent()) {
            output.line(image + " is already " + id + " in local storage");
        } else {
            output.line("loaded as " + images.load(tar));
        }
        Files.deleteIfExists(tar);
    }
}
