package dev.kumo.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.cli.base.CliException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigResolverTest {

    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();

    private ClientConfig resolve(Optional<String> server, Optional<String> token) {
        return new ConfigResolver(env, home).resolve(server, token, Optional.empty());
    }

    private Optional<CertificateAuthority> authority(String server, Optional<Path> flag) {
        return new ConfigResolver(env, home).resolve(Optional.of(server), Optional.empty(), flag)
                .certificateAuthority();
    }

    private ClientConfig resolve() {
        return resolve(Optional.empty(), Optional.empty());
    }

    private void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void defaultsToTheLocalServerOverHttpsWithoutAToken() {
        ClientConfig config = resolve();
        assertThat(config.server()).isEqualTo(URI.create("https://127.0.0.1:7780"));
        assertThat(config.token()).isEmpty();
        assertThat(config.serverSource()).isEqualTo("default");
    }

    @Test
    void theFlagWinsOverTheEnvironmentWhichWinsOverTheConfigFile() throws IOException {
        write(home.resolve(".config/kumo/config.yaml"), "server: http://from-file:1\ntoken: file-token\n");
        assertThat(resolve().server()).isEqualTo(URI.create("http://from-file:1"));
        assertThat(resolve().token()).contains("file-token");

        env.put("KUMO_SERVER", "http://from-env:2");
        env.put("KUMO_TOKEN", "env-token");
        assertThat(resolve().server()).isEqualTo(URI.create("http://from-env:2"));
        assertThat(resolve().token()).contains("env-token");

        ClientConfig flags = resolve(Optional.of("http://from-flag:3"), Optional.of("flag-token"));
        assertThat(flags.server()).isEqualTo(URI.create("http://from-flag:3"));
        assertThat(flags.token()).contains("flag-token");
        assertThat(flags.serverSource()).isEqualTo("--server");
    }

    @Test
    void honoursXdgConfigHome() throws IOException {
        Path xdg = home.resolve("xdg-config");
        env.put("XDG_CONFIG_HOME", xdg.toString());
        write(xdg.resolve("kumo/config.yaml"), "server: localhost:9000\n");
        assertThat(resolve().server()).isEqualTo(URI.create("http://localhost:9000"));
    }

    @Test
    void readsTheLocalServersTokenFromItsDataDirectory() throws IOException {
        write(home.resolve(".local/share/kumo/token"), "abc123\n");
        assertThat(resolve().token()).contains("abc123");

        Path xdg = home.resolve("xdg-data");
        env.put("XDG_DATA_HOME", xdg.toString());
        assertThat(resolve().token()).isEmpty();
        write(xdg.resolve("kumo/token"), "def456");
        assertThat(resolve().token()).contains("def456");
    }

    @Test
    void findsTheLocalServersUrlTokenAndCertificateInTheDataDirectoryGivenByFlagOrEnvironment() throws IOException {
        Path data = home.resolve("elsewhere");
        write(data.resolve("api-url"), "https://127.0.0.1:41234\n");
        write(data.resolve("token"), "t0k3n\n");
        write(data.resolve("tls/ca.crt"), "pem");

        ClientConfig byFlag = new ConfigResolver(env, home).resolve(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(data));
        env.put("KUMO_DATA_DIR", data.toString());
        ClientConfig byEnvironment = resolve();

        for (ClientConfig config : java.util.List.of(byFlag, byEnvironment)) {
            assertThat(config.server()).isEqualTo(URI.create("https://127.0.0.1:41234"));
            assertThat(config.serverSource()).isEqualTo(data.resolve("api-url").toString());
            assertThat(config.token()).contains("t0k3n");
            assertThat(config.certificateAuthority()).contains(new CertificateAuthority(data.resolve("tls/ca.crt"),
                    "the local server's data directory"));
        }
    }

    @Test
    void theLocalServersUrlFollowsItsSchemeAndLosesToAnExplicitServer() throws IOException {
        write(home.resolve(".local/share/kumo/api-url"), "http://127.0.0.1:7780\n");
        assertThat(resolve().server()).isEqualTo(URI.create("http://127.0.0.1:7780"));

        env.put("KUMO_SERVER", "https://127.0.0.1:9999");
        assertThat(resolve().server()).isEqualTo(URI.create("https://127.0.0.1:9999"));
    }

    @Test
    void neverSendsTheLocalServersTokenToAnotherHost() throws IOException {
        write(home.resolve(".local/share/kumo/token"), "abc123\n");
        assertThat(resolve(Optional.of("http://10.1.2.3:7780"), Optional.empty()).token()).isEmpty();
        assertThat(resolve(Optional.of("http://localhost:7780"), Optional.empty()).token()).contains("abc123");
    }

    @Test
    void theCertificateAuthorityComesFromTheFlagThenTheEnvironmentThenTheConfigFileThenTheLocalServer()
            throws IOException {
        String https = "https://127.0.0.1:7780";
        assertThat(authority(https, Optional.empty())).isEmpty();

        write(home.resolve(".local/share/kumo/tls/ca.crt"), "pem");
        assertThat(authority(https, Optional.empty())).contains(new CertificateAuthority(
                home.resolve(".local/share/kumo/tls/ca.crt"), "the local server's data directory"));

        write(home.resolve(".config/kumo/config.yaml"), "certificate-authority: certs/ca.pem\n");
        assertThat(authority(https, Optional.empty())).contains(new CertificateAuthority(
                home.resolve(".config/kumo/certs/ca.pem"), home.resolve(".config/kumo/config.yaml").toString()));

        env.put("KUMO_CA_FILE", "/etc/kumo/ca.crt");
        assertThat(authority(https, Optional.empty()))
                .contains(new CertificateAuthority(Path.of("/etc/kumo/ca.crt"), "KUMO_CA_FILE"));

        assertThat(authority(https, Optional.of(Path.of("flag.crt"))))
                .contains(new CertificateAuthority(Path.of("flag.crt"), "--certificate-authority"));
    }

    @Test
    void theLocalServersCertificateIsTrustedForLoopbackOnlyAndNothingIsTrustedOverPlainHttp() throws IOException {
        write(home.resolve(".local/share/kumo/tls/ca.crt"), "pem");
        assertThat(authority("https://localhost:7780", Optional.empty())).isPresent();
        assertThat(authority("https://[::1]:7780", Optional.empty())).isPresent();
        assertThat(authority("https://10.1.2.3:7780", Optional.empty())).isEmpty();
        assertThat(authority("http://127.0.0.1:7780", Optional.of(Path.of("flag.crt")))).isEmpty();
    }

    @Test
    void refusesUnknownKeysInTheConfigFile() throws IOException {
        write(home.resolve(".config/kumo/config.yaml"), "sever: http://typo\n");
        assertThatThrownBy(this::resolve).isInstanceOf(CliException.class)
                .hasMessageContaining("unknown key \"sever\"").hasMessageContaining("config.yaml");
    }

    @Test
    void refusesAServerThatIsNotAUrl() {
        env.put("KUMO_SERVER", "ftp://somewhere");
        assertThatThrownBy(this::resolve).isInstanceOf(CliException.class)
                .hasMessageContaining("invalid server address \"ftp://somewhere\" (from KUMO_SERVER)");
    }
}
