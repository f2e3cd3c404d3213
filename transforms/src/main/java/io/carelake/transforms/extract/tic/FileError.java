package io.carelake.transforms.extract.tic;

import com.google.auto.value.AutoValue;

/**
 * Why a file could not be read to its end. Everything emitted before it came from elements that were read
 * whole; the element being read when the damage was met is never emitted.
 */
@AutoValue
public abstract class FileError {
  /** What went wrong. */
  public enum Kind {
    /** The content ends inside the JSON document (cut-off download, short gzip stream). */
    TRUNCATED,
    /** Not well-formed JSON, or a damaged gzip stream. */
    CORRUPT,
    /** Well-formed JSON but not an in-network rates file (no root object, or no {@code in_network} array). */
    NOT_IN_NETWORK_FILE
  }

  public abstract Kind kind();

  /** Byte offset where the problem was found in the (uncompressed) content, or -1 when unknown. */
  public abstract long byteOffset();

  public abstract String message();

  static FileError of(Kind kind, long byteOffset, String message) {
    return new AutoValue_FileError(kind, byteOffset, message);
  }
}
