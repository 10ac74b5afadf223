package dev.kumo.cli;

import dev.kumo.cli.apply.ApplyCommand;
import dev.kumo.cli.base.ClientVersion;
import dev.kumo.cli.build.BuildCommand;
import dev.kumo.cli.build.BuildRunCommand;
import dev.kumo.cli.completion.CompletionCommand;
import dev.kumo.cli.dashboard.DashboardCommand;
import dev.kumo.cli.doctor.DoctorCommand;
import dev.kumo.cli.domain.DomainCommand;
import dev.kumo.cli.eventing.BrokerCommand;
import dev.kumo.cli.eventing.ChannelCommand;
import dev.kumo.cli.eventing.ParallelCommand;
import dev.kumo.cli.eventing.SequenceCommand;
import dev.kumo.cli.eventing.SubscriptionCommand;
import dev.kumo.cli.eventing.EventCommand;
import dev.kumo.cli.eventing.EventTypeCommand;
import dev.kumo.cli.eventing.SourceCommand;
import dev.kumo.cli.eventing.TriggerCommand;
import dev.kumo.cli.func.FuncCommand;
import dev.kumo.cli.help.OptionsCommand;
import dev.kumo.cli.image.ImageCommand;
import dev.kumo.cli.kubeconfig.KubeconfigCommand;
import dev.kumo.cli.plugin.PluginCommand;
import dev.kumo.cli.resource.DeleteCommand;
import dev.kumo.cli.resource.GetCommand;
import dev.kumo.cli.revision.RevisionCommand;
import dev.kumo.cli.route.RouteCommand;
import dev.kumo.cli.service.ServiceCommand;
import dev.kumo.cli.session.CodedCommand;
import dev.kumo.cli.session.GlobalOptions;
import dev.kumo.cli.session.GroupCommand;
import dev.kumo.cli.session.StandardHelp;
import dev.kumo.cli.trace.TraceCommand;
import dev.kumo.cli.usage.UsageCommand;
import dev.kumo.cli.version.VersionCommand;
import java.util.List;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;

/**
 * {@code kumo}: the root of the command tree, holding the global options. Built in code ({@link CodedCommand}):
 * every attribute of the root is inherited by every subcommand.
 */
final class RootCommand extends GroupCommand implements CodedCommand {

    /**
     * The top-level commands, in the order help lists them. Added by {@link KumoCli} rather than declared in
     * {@code @Command(subcommands)}, so that one invocation can build only the command it runs.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(ApplyCommand.class, GetCommand.class, DeleteCommand.class,
            ServiceCommand.class, FuncCommand.class, RevisionCommand.class, RouteCommand.class, DomainCommand.class,
            BuildCommand.class,
            BuildRunCommand.class, BrokerCommand.class,
            TriggerCommand.class, ChannelCommand.class, SubscriptionCommand.class, SequenceCommand.class,
            ParallelCommand.class, SourceCommand.class, EventCommand.class, EventTypeCommand.class,
            KubeconfigCommand.class,
            VersionCommand.class, CompletionCommand.class, DoctorCommand.class, ImageCommand.class,
            OptionsCommand.class, PluginCommand.class, TraceCommand.class,
            DashboardCommand.class, UsageCommand.class);

    private final GlobalOptions options;

    RootCommand(GlobalOptions options) {
        this.options = options;
    }

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(this).name("kumo").scopeType(ScopeType.INHERIT)
                .versionProvider(new Version()).addMixin("options", options.mixin());
        spec.usageMessage().autoWidth(true).description(
                "Knative Serving in one small process, driven with the kn grammar: kumo <noun> <verb> NAME.");
        return group(StandardHelp.addTo(spec));
    }

    /** {@code kumo --version}. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"kumo " + ClientVersion.VERSION};
        }
    }
}
