package dev.kumo.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's own {@code keytool}, run as a child process to create a self-signed key pair. The JDK has no public API
 * for building certificates, and keytool spares Kumo a dependency (such as Bouncy Castle) for this one job.
 */
final class Keytool {

    /** The environment variable the password is handed over in, so that it never shows in a process list. */
    private static final String PASSWORD_VARIABLE = "KUMO_KEYSTORE_PASSWORD";

    private Keytool() {
    }

    /** Creates a PKCS12 keystore holding an EC P-256 key and a ten-year self-signed certificate for the names. */
    static void generateKeyPair(Path keystore, String alias, String password, List<String> names) {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new IllegalStateException("creating the TLS certificate: " + keytool + " not found; run Kumo "
                    + "with a full JDK (it uses the JDK's keytool)");
        }
        List<String> command = new ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-noprompt",
                "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "3650",
                "-dname", "CN=kumo", "-ext", "san=" + String.join(",", names),
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass:env", PASSWORD_VARIABLE));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(PASSWORD_VARIABLE, password);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("creating the TLS certificate: keytool did not finish in 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("creating the TLS certificate: keytool failed (exit "
                        + process.exitValue() + "): " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("creating the TLS certificate: running " + keytool + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("creating the TLS certificate: interrupted", e);
        }
    }
}
