package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.api.serving.RuntimeName;
import dev.kumo.api.serving.autoscaling.ConfigAutoscaler;
import dev.kumo.dataplane.api.RouterEngine;
import dev.kumo.dataplane.api.RouterTransport;
import dev.kumo.server.tracing.TracingConfig;
import dev.kumo.serving.RuntimeSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `kumo server` settings from flags over the config file over the defaults. */
class ServerSettingsTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultChannelIsInMemoryChannelUnlessDefaultChConfigSaysOtherwise() throws Exception {
        assertThat(parse("--data-dir", dir.toString()).eventing().defaultChannel())
                .isEqualTo(dev.kumo.api.messaging.ChannelDefaults.IN_MEMORY_CHANNEL);
        Path file = dir.resolve("channels.yaml");
        java.nio.file.Files.writeString(file, """
                default-ch-config:
                  clusterDefault:
                    apiVersion: messaging.knative.dev/v1
                    kind: KafkaChannel
                  namespaceDefaults:
                    team-a:
                      apiVersion: messaging.knative.dev/v1
                      kind: InMemoryChannel
                """);

        ServerConfig settings = parse("--config", file.toString(), "--data-dir", dir.toString());

        dev.kumo.api.messaging.ChannelTemplate kafka = new dev.kumo.api.messaging.ChannelTemplate(
                "messaging.knative.dev/v1", "KafkaChannel", null);
        assertThat(settings.eventing().defaultChannel().forNamespace("default")).isEqualTo(kafka);
        assertThat(settings.eventing().defaultChannel().forNamespace("team-a"))
                .isEqualTo(dev.kumo.api.messaging.ChannelTemplate.IN_MEMORY_CHANNEL);
    }

    @Test
    void aNamespaceDefaultWithoutAKindIsRefusedNamingItsKey() throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("bad-channels.yaml"), """
                default-ch-config:
                  namespaceDefaults:
                    team-a:
                      apiVersion: messaging.knative.dev/v1
                """);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse("--config", file.toString(), "--data-dir",
                dir.toString())).hasStackTraceContaining("default-ch-config.namespaceDefaults.team-a: want apiVersion "
                        + "and kind");
    }

    @Test
    void theConfigFileSetsTheAutoscalerAndEventing() throws Exception {
        Path file = Files.writeString(dir.resolve("kumo.yaml"), """
                autoscaler:
                  stable-window: 30s
                  scale-to-zero-grace-period: 10s
                  target-burst-capacity: 0
                  allow-zero-initial-scale: true
                  tick-interval: 1s
                eventing-addr: 127.0.0.1:9091
                eventing-max-in-flight: 8
                apiserversource-cross-namespace: true
                """);

        ServerConfig settings = parse("--config", file.toString(), "--data-dir", dir.toString());

        assertThat(settings.autoscaler().get(ConfigAutoscaler.STABLE_WINDOW)).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.autoscaler().get(ConfigAutoscaler.SCALE_TO_ZERO_GRACE_PERIOD)).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.autoscaler().get(ConfigAutoscaler.TARGET_BURST_CAPACITY)).isZero();
        assertThat(settings.autoscaler().get(ConfigAutoscaler.ALLOW_ZERO_INITIAL_SCALE)).isTrue();
        assertThat(settings.autoscaler().get(ConfigAutoscaler.TICK_INTERVAL)).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.eventing().address()).isEqualTo(new ServerConfig.HostPort("127.0.0.1", 9091));
        assertThat(settings.eventing().maxInFlightPerTrigger()).isEqualTo(8);
        assertThat(settings.eventing().sourcesCrossNamespace()).isTrue();
    }

    @Test
    void withoutAFileKnativesDefaultsHold() {
        ServerConfig settings = parse("--data-dir", dir.toString());

        assertThat(settings.autoscaler().get(ConfigAutoscaler.STABLE_WINDOW)).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.autoscaler().get(ConfigAutoscaler.TICK_INTERVAL)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.eventing().on()).isTrue();
        assertThat(settings.eventing().maxInFlightPerTrigger()).isEqualTo(EventingConfig.DEFAULT_MAX_IN_FLIGHT);
        assertThat(settings.eventing().sourcesCrossNamespace()).as("sources read their own namespace only").isFalse();
    }

    @Test
    void aBadAutoscalerValueNamesTheKeyTheValueAndTheFix() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "autoscaler:\n  stable-window: soon\n");

        assertThatThrownBy(() -> parse("--config", file.toString(), "--data-dir", dir.toString()))
                .hasMessageContaining("autoscaler.stable-window: invalid value \"soon\"")
                .hasMessageContaining("60s");
    }

    @Test
    void anUnknownAutoscalerKeyIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "autoscaler:\n  stable-windw: 30s\n");

        assertThatThrownBy(() -> parse("--config", file.toString(), "--data-dir", dir.toString()))
                .hasMessageContaining("autoscaler.stable-windw: unknown key");
    }

    @Test
    void theTokenIsRequiredByDefaultAndRequireTokenIsAcceptedAsTheDefault() throws Exception {
        Path old = Files.writeString(dir.resolve("old.yaml"), "require-token: true\n");

        assertThat(parse("--data-dir", dir.toString()).requireToken()).isTrue();
        assertThat(parse("--data-dir", dir.toString(), "--require-token").requireToken()).isTrue();
        assertThat(parse("--config", old.toString(), "--data-dir", dir.toString()).requireToken()).isTrue();
        assertThat(parse("--data-dir", dir.toString(), "--api-addr", "127.0.0.1:0", "--no-serving")
                .requireToken()).isTrue();
    }

    @Test
    void insecureNoAuthTurnsTheTokenOffOnLoopbackOnly() throws Exception {
        Path file = Files.writeString(dir.resolve("dev.yaml"), "insecure-no-auth: true\n");

        assertThat(parse("--data-dir", dir.toString(), "--insecure-no-auth").requireToken()).isFalse();
        assertThat(parse("--config", file.toString(), "--data-dir", dir.toString()).requireToken()).isFalse();
        assertThatThrownBy(() -> parse("--data-dir", dir.toString(), "--insecure-no-auth", "--api-addr",
                "0.0.0.0:7780")).hasMessageContaining("--insecure-no-auth: refused with --api-addr 0.0.0.0:7780")
                .hasMessageContaining("bind to 127.0.0.1");
        assertThatThrownBy(() -> parse("--data-dir", dir.toString(), "--insecure-no-auth", "--require-token"))
                .hasMessageContaining("contradict");
    }

    @Test
    void allowedOriginsComeFromTheFlagOrTheFileAndMustBeOrigins() throws Exception {
        Path file = Files.writeString(dir.resolve("origins.yaml"), "allowed-origins: [\"http://localhost:3000\"]\n");

        assertThat(parse("--data-dir", dir.toString()).allowedOrigins()).isEmpty();
        assertThat(parse("--config", file.toString(), "--data-dir", dir.toString()).allowedOrigins())
                .containsExactly("http://localhost:3000");
        assertThat(parse("--data-dir", dir.toString(), "--allowed-origin", "https://Dash.Example.com/")
                .allowedOrigins()).containsExactly("https://dash.example.com");
        assertThatThrownBy(() -> parse("--data-dir", dir.toString(), "--allowed-origin", "https://a.example/app"))
                .hasMessageContaining("--allowed-origin: invalid value \"https://a.example/app\"")
                .hasMessageContaining("scheme, host and port only");
    }

    @Test
    void theInsecureWarningSaysWhatIsAtStake() {
        assertThat(InsecureWarning.text(java.net.URI.create("http://127.0.0.1:7780")))
                .startsWith("*****").contains("WARNING: --insecure-no-auth", "http://127.0.0.1:7780",
                        "requires NO token");
    }

    @Test
    void theStartupWarmupIsOnByDefaultAndWarmupFalseOrNoWarmupTurnsItOff() {
        for (String[] args : new String[][] {{}, {"--warmup"}, {"--warmup=true"}}) {
            ServerCommand command = new ServerCommand();
            new CommandLine(command).parseArgs(args);
            assertThat(command.warmup).as(String.join(" ", args)).isTrue();
        }
        for (String[] args : new String[][] {{"--warmup=false"}, {"--no-warmup"}}) {
            ServerCommand command = new ServerCommand();
            new CommandLine(command).parseArgs(args);
            assertThat(command.warmup).as(String.join(" ", args)).isFalse();
        }
    }

    @Test
    void theServerCommandKeepsItsOwnDataDirBesideTheClientsOption() {
        picocli.CommandLine line = dev.kumo.cli.KumoCli.commandLine(java.util.List.of(new ServerCommand()));

        assertThat(line.getSubcommands().get("server").getCommandSpec().findOption("--data-dir")).isNotNull();
        assertThat(line.getSubcommands().get("service").getCommandSpec().findOption("--data-dir")).isNotNull();
    }

    @Test
    void theConfigFileSetsTheListenersTimeoutsWhichDefaultTo10And120Seconds() throws Exception {
        Path file = Files.writeString(dir.resolve("kumo.yaml"), "header-read-timeout: 5s\nidle-timeout: 2m\n");

        assertThat(parse("--config", file.toString(), "--data-dir", dir.toString()).limits())
                .isEqualTo(new dev.kumo.http.ListenerLimits(Duration.ofSeconds(5), Duration.ofMinutes(2)));
        assertThat(parse("--data-dir", dir.toString()).limits())
                .isEqualTo(new dev.kumo.http.ListenerLimits(Duration.ofSeconds(10), Duration.ofSeconds(120)));
    }

    @Test
    void theRouterEngineIsTheFlagsOrTheFilesOrTheNettyFront() throws Exception {
        // The default changed from vertx to netty (issue #16: the front is what reaches nginx's throughput).
        assertThat(parse("--data-dir", dir.toString()).routerEngine()).isEqualTo(RouterEngine.NETTY);
        assertThat(parse("--data-dir", dir.toString(), "--router-engine", "Vertx").routerEngine())
                .isEqualTo(RouterEngine.VERTX);
        Path file = Files.writeString(dir.resolve("engine.yaml"), "router-engine: vertx\n");
        assertThat(parse("--config", file.toString(), "--data-dir", dir.toString()).routerEngine())
                .isEqualTo(RouterEngine.VERTX);
        assertThat(parse("--config", file.toString(), "--data-dir", dir.toString(), "--router-engine", "netty")
                .routerEngine()).isEqualTo(RouterEngine.NETTY);
        assertThatThrownBy(() -> parse("--data-dir", dir.toString(), "--router-engine", "nginx"))
                .hasMessage("--router-engine is 'nginx': want vertx or netty");
    }

    @Test
    void theRouterTransportIsTheFlagsOrTheFilesOrTheDefault() throws Exception {
        assertThat(parse("--data-dir", dir.toString()).routerTransport()).isEqualTo(RouterTransport.DEFAULT);
        assertThat(parse("--data-dir", dir.toString(), "--router-transport", "IO_URING").routerTransport())
                .isEqualTo(RouterTransport.IO_URING);
        Path file = Files.writeString(dir.resolve("transport.yaml"), "router-transport: epoll\n");
        assertThat(parse("--config", file.toString(), "--data-dir", dir.toString()).routerTransport())
                .isEqualTo(RouterTransport.EPOLL);
        assertThat(parse("--config", file.toString(), "--data-dir", dir.toString(), "--router-transport", "auto")
                .routerTransport()).isEqualTo(RouterTransport.AUTO);
        assertThatThrownBy(() -> parse("--data-dir", dir.toString(), "--router-transport", "kqueue"))
                .hasMessage("--router-transport is 'kqueue': want auto, io_uring or epoll");
    }

    @Test
    void aBadTimeoutNamesTheKeyTheValueAndTheFix() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "idle-timeout: 0s\n");

        assertThatThrownBy(() -> parse("--config", file.toString(), "--data-dir", dir.toString()))
                .hasMessage("idle-timeout: invalid value \"0s\": want a positive duration such as 120s");
    }

    @Test
    void theConfigFileNamesTheRuntimesAndTheDefaultIsBothWithTheProcessRuntimeFirst() throws Exception {
        Path one = Files.writeString(dir.resolve("one.yaml"), "runtimes: process\ndefault-runtime: process\n");
        Path list = Files.writeString(dir.resolve("list.yaml"), "runtimes: [process]\n");

        RuntimeSettings processAlone = new RuntimeSettings(Set.of(RuntimeName.PROCESS), RuntimeName.PROCESS);
        assertThat(parse("--config", one.toString(), "--data-dir", dir.toString()).runtimes()).isEqualTo(processAlone);
        assertThat(parse("--config", list.toString(), "--data-dir", dir.toString()).runtimes()).isEqualTo(processAlone);
        assertThat(parse("--data-dir", dir.toString()).runtimes()).isEqualTo(RuntimeSettings.DEFAULTS)
                .isEqualTo(new RuntimeSettings(Set.of(RuntimeName.PROCESS, RuntimeName.CONTAINER),
                        RuntimeName.PROCESS));
    }

    @Test
    void aRuntimeThatIsUnknownOrNotOnIsRefusedNamingTheKeyAndTheValue() throws Exception {
        Path unknown = Files.writeString(dir.resolve("unknown.yaml"), "runtimes: [process, podman]\n");
        Path container = Files.writeString(dir.resolve("container.yaml"), "runtimes: [process]\n"
                + "default-runtime: container\n");

        assertThatThrownBy(() -> parse("--config", unknown.toString(), "--data-dir", dir.toString()))
                .hasMessage("runtimes: unknown runtime \"podman\"; want one of process, container");
        assertThatThrownBy(() -> parse("--config", container.toString(), "--data-dir", dir.toString()))
                .hasMessage("default-runtime: \"container\" is not on; runtimes on: process");
    }

    @Test
    void tracingComesFromTheFlagsOverTheFileOverOtelVariablesAndIsOnByDefault() throws Exception {
        assertThat(parse("--data-dir", dir.toString()).tracing()).isEqualTo(TracingConfig.DEFAULTS);
        Path file = Files.writeString(dir.resolve("tracing.yaml"), """
                trace-sampling: 0.25
                otlp-endpoint: http://127.0.0.1:4318/v1/traces
                recent-traces: 50
                """);
        ServerCommand fromFile = new ServerCommand();
        new CommandLine(fromFile).parseArgs("--config", file.toString(), "--data-dir", dir.toString());
        assertThat(fromFile.settings().tracing()).isEqualTo(new TracingConfig(0.25,
                Optional.of(URI.create("http://127.0.0.1:4318/v1/traces")), 50));

        ServerCommand flags = new ServerCommand();
        flags.environment = Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318");
        new CommandLine(flags).parseArgs("--data-dir", dir.toString(), "--trace-sampling", "0.01");
        assertThat(flags.settings().tracing()).isEqualTo(new TracingConfig(0.01,
                Optional.of(URI.create("http://collector:4318/v1/traces")), TracingConfig.DEFAULT_RECENT_TRACES));

        ServerCommand disabled = new ServerCommand();
        disabled.environment = Map.of("OTEL_SDK_DISABLED", "true");
        new CommandLine(disabled).parseArgs("--data-dir", dir.toString(), "--otlp-endpoint", "http://c:4318/v1/traces");
        assertThat(disabled.settings().tracing().on()).isFalse();

        assertThatThrownBy(() -> parse("--data-dir", dir.toString(), "--otlp-endpoint", "not a url"))
                .hasMessageContaining("--otlp-endpoint: invalid value");
    }

    private static ServerConfig parse(String... args) {
        ServerCommand command = new ServerCommand();
        new CommandLine(command).parseArgs(args);
        return command.settings();
    }
}
