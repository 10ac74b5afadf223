package dev.kumo.cli.func;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The languages Kumo has templates and invokers for, and where their files are: the template's files (copied into a
 * new function) and the invoker (copied beside the function's code when it is built), resources of this package.
 */
public enum Language {
    PYTHON("python", List.of("func.py", "test_func.py"), List.of(), "kumo_invoker.py"),
    NODE("node", List.of("index.js", "index.test.js"), List.of(), "kumo-invoker.js"),
    JAVA("java", List.of("src/Handler.java", "src/HandlerTest.java"),
            List.of("src/kumo/func/HttpRequest.java", "src/kumo/func/HttpResponse.java",
                "src/kumo/func/CloudEvent.java"), "Invoker.java");

    private final String value;
    private final List<String> templateFiles;
    private final List<String> commonFiles;
    private final String invoker;

    Language(String value, List<String> templateFiles, List<String> commonFiles, String invoker) {
        this.value = value;
        this.templateFiles = templateFiles;
        this.commonFiles = commonFiles;
        this.invoker = invoker;
    }

    /** The name as {@code -l} and func.yaml's {@code runtime} spell it. */
    public String value() {
        return value;
    }

    /** The files a template of this language writes, relative to the function's directory. */
    List<String> templateFiles() {
        return templateFiles;
    }

    /** The files every template of this language writes, the same whatever the template. */
    List<String> commonFiles() {
        return commonFiles;
    }

    /** The invoker's file name. */
    String invoker() {
        return invoker;
    }

    /** The language spelled {@code value}. */
    public static Optional<Language> parse(String value) {
        return Arrays.stream(values()).filter(l -> l.value.equals(value)).findFirst();
    }

    /** Every name, as spelled. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Language::value).toList();
    }
}
