package dev.kumo.common.config;

/** A settings file that cannot be read or holds an unknown key; the message names the file and what is wrong. */
public final class ConfigFileException extends IllegalArgumentException {

    public ConfigFileException(String message) {
        super(message);
    }
}
