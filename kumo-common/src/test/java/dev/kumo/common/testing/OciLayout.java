package dev.kumo.common.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A one-layer image written as an OCI image layout directory ({@code oci-layout}, {@code index.json},
 * {@code blobs/sha256/…}), built from bytes with no container tool, for {@code skopeo copy oci:DIR:TAG …}. The
 * layer holds one file; different content makes a different image.
 */
public final class OciLayout {

    private OciLayout() {
    }

    /** Writes the layout to {@code dir} with {@code file} (a name at the root) holding {@code content}, as {@code tag}. */
    public static Path write(Path dir, String tag, String file, String content) {
        try {
            Files.createDirectories(dir.resolve("blobs/sha256"));
            Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
            byte[] layer = tar(file, content.getBytes(StandardCharsets.UTF_8));
            String layerDigest = blob(dir, layer);
            byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"/" + file + "\"]},"
                    + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + layerDigest + "\"]}}")
                    .getBytes(StandardCharsets.UTF_8);
            String configDigest = blob(dir, config);
            byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                    + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
                    + configDigest + "\",\"size\":" + config.length + "},\"layers\":[{\"mediaType\":"
                    + "\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\"" + layerDigest + "\",\"size\":"
                    + layer.length + "}]}").getBytes(StandardCharsets.UTF_8);
            String manifestDigest = blob(dir, manifest);
            Files.writeString(dir.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
                    + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + manifestDigest + "\",\"size\":"
                    + manifest.length + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"" + tag + "\"}}]}");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("writing an OCI layout in " + dir, e);
        }
    }

    private static String blob(Path dir, byte[] content) throws IOException {
        String digest = sha256(content);
        Files.write(dir.resolve("blobs/sha256").resolve(digest.substring("sha256:".length())), content);
        return digest;
    }

    /** A tar archive (ustar) of one regular file, mode 0755, owned by root, dated the epoch. */
    static byte[] tar(String name, byte[] content) {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000755");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", content.length));
        put(header, 136, "00000000000");
        header[156] = '0';
        put(header, 257, "ustar");
        put(header, 263, "00");
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum));
        header[154] = 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        out.writeBytes(content);
        out.writeBytes(new byte[(512 - content.length % 512) % 512]);
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }

    static String sha256(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
