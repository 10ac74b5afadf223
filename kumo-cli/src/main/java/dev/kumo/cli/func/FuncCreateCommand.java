package dev.kumo.cli.func;

import dev.kumo.cli.session.Session;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kumo func create -l LANGUAGE [-t TEMPLATE] DIR}: a new function from a template, with a test to run. */
@Command(name = "create", description = "Create a function in a new directory: func.yaml, the handler and its test.")
public final class FuncCreateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The function's directory; its last name is the function's name.")
    Path dir;

    @Option(names = {"-l", "--language"}, required = true, paramLabel = "LANGUAGE",
            description = "java, python or node.")
    String language;

    @Option(names = {"-t", "--template"}, defaultValue = "http", paramLabel = "TEMPLATE",
            description = "http (default) or cloudevents.")
    String template;

    @Spec
    CommandSpec spec;

    private final Session session;

    public FuncCreateCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Language chosen = Language.parse(language).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "unknown language '" + language + "': want one of " + String.join(", ", Language.names())));
        Template kind = Template.parse(template).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "unknown template '" + template + "': want one of " + String.join(", ", Template.names())));
        Path target = dir.toAbsolutePath().normalize();
        String name = target.getFileName().toString();
        if (!name.matches("[a-z]([-a-z0-9]{0,61}[a-z0-9])?")) {
            throw new ParameterException(spec.commandLine(), "invalid function name '" + name + "': a Service name "
                    + "is lower-case letters, digits and dashes, starting with a letter");
        }
        String created = DateTimeFormatter.ISO_INSTANT.format(session.now().truncatedTo(ChronoUnit.SECONDS));
        FunctionTemplates.write(target, FuncYaml.fresh(name, chosen, kind, created));
        session.out().println("Created " + chosen.value() + " function in " + target);
        session.out().println("Test it with: " + testCommand(chosen));
        session.out().flush();
        return 0;
    }

    /** How the template's test runs, from the function's directory. */
    static String testCommand(Language language) {
        return switch (language) {
            case PYTHON -> "python3 -m unittest";
            case NODE -> "node --test";
            case JAVA -> "cd src && java HandlerTest.java";
        };
    }
}
