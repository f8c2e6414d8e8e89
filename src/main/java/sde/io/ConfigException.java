package sde.io;

/** A bad configuration: the message names the file or flag and the key. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) { super(message); }
}
