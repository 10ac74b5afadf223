package dev.kumo.cli.func;

import dev.kumo.cli.base.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a new function's directory: its func.yaml and the template's files for the language. */
final class FunctionTemplates {

    private FunctionTemplates() {
    }

    /** Writes the function into {@code dir} (which must not hold a func.yaml yet); returns the files written. */
    static List<Path> write(Path dir, FuncYaml yaml) {
        Language language = yaml.language();
        Template template = yaml.kind();
        if (Files.exists(dir.resolve(FuncYaml.FILE))) {
            throw new CliException("a function exists already in " + dir, "Choose another name or directory.");
        }
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            yaml.write(dir);
            written.add(dir.resolve(FuncYaml.FILE));
            for (String file : language.templateFiles()) {
                written.add(copy(dir, file, language.value() + "/" + template.value()));
            }
            for (String file : language.commonFiles()) {
                written.add(copy(dir, file, language.value() + "/common"));
            }
            Files.writeString(dir.resolve(".gitignore"), "/.func/\n");
            written.add(dir.resolve(".gitignore"));
        } catch (IOException e) {
            throw new CliException("writing the function into " + dir + ": " + e.getMessage());
        }
        return written;
    }

    private static Path copy(Path dir, String file, String resourceDir) throws IOException {
        Path target = dir.resolve(file);
        Files.createDirectories(target.getParent());
        String base = Path.of(file).getFileName().toString();
        Files.write(target, FunctionFiles.resource("templates/" + resourceDir + "/" + base));
        return target;
    }
}
