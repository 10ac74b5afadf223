package dev.kumo.cli.service;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.session.Binding;
import dev.kumo.cli.session.CodedCommand;
import dev.kumo.cli.session.ListOutput;
import dev.kumo.cli.session.Session;
import dev.kumo.cli.session.StandardHelp;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code kumo service list [NAME] [-l SELECTOR]}: the Services of a namespace, or of all with {@code -A}. Built in
 * code ({@link CodedCommand}), as an everyday call.
 */
public final class ServiceListCommand implements Callable<Integer>, CodedCommand {

    public static final Names NAMES = new Names("list", List.of("ls"), List.of());

    String name;
    String selector;

    private final Session session;

    public ServiceListCommand(Session session) {
        this.session = session;
    }

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(this).name(NAMES.name())
                .aliases(NAMES.aliases().toArray(String[]::new));
        spec.usageMessage().description("List Knative Services.");
        Binding nameBinding = Binding.of(() -> name, v -> name = (String) v);
        spec.addPositional(PositionalParamSpec.builder().index("0").arity("0..1").paramLabel("NAME")
                .type(String.class).description("Only this Service.").getter(nameBinding).setter(nameBinding)
                .build());
        Binding selectorBinding = Binding.of(() -> selector, v -> selector = (String) v);
        spec.addOption(OptionSpec.builder("-l", "--selector").paramLabel("SELECTOR").type(String.class)
                .description("Only the Services whose labels match (key=value, key!=value, key in (a,b), key, !key).")
                .getter(selectorBinding).setter(selectorBinding).build());
        return StandardHelp.addTo(spec);
    }

    @Override
    public Integer call() {
        ListOutput.printTable(session, ResourceTypes.SERVICE, Optional.ofNullable(name),
                Optional.ofNullable(selector));
        return 0;
    }
}
