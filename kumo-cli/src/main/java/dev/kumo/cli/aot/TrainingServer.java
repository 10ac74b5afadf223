package dev.kumo.cli.aot;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The training's HTTPS stand-in, run in a JVM of its own ({@link CliTraining} starts it) so that its classes — the
 * JDK's HTTP server, the key manager, keytool's process — stay out of the CLI's cache, which every call loads and
 * links. Writes {@code DIR/ca.crt}, prints its port on a line, and serves until its standard input closes.
 */
public final class TrainingServer {

    private static final String PASSWORD = "training";

    private TrainingServer() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(sslContext(dir)));
        server.createContext("/", TrainingServer::answer);
        server.start();
        System.out.println(server.getAddress().getPort());
        System.out.flush();
        System.in.transferTo(OutputStream.nullOutputStream());
        server.stop(0);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        TrainingSocket.Answer answer = TrainingAnswers.answer(exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Accept"));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.code(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** An EC P-256 key and certificate from the JDK's keytool (as the server makes its own), and its PEM. */
    private static SSLContext sslContext(Path dir) throws IOException, InterruptedException,
            GeneralSecurityException {
        Path keystore = dir.resolve("training.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-noprompt", "-alias", "training", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=kumo", "-ext", "san=ip:127.0.0.1", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            keytool.destroyForcibly();
            throw new IllegalStateException("keytool could not make the training certificate");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(store.getCertificate("training").getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        Files.writeString(dir.resolve("ca.crt"), pem);
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}
