package io.carelake.pipelines.members;

/** A configuration that cannot be used; the message names the file and the field. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
