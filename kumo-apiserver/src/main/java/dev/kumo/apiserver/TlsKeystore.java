package dev.kumo.apiserver;

import java.nio.file.Path;

/**
 * The server certificate and its private key, as a PKCS12 keystore file and the password that opens it.
 *
 * @param path the PKCS12 file
 * @param password the keystore's (and the key's) password
 */
public record TlsKeystore(Path path, String password) {

    @Override
    public String toString() {
        return "TlsKeystore[path=" + path + ", password=***]";
    }
}
