package io.carelake.transforms.extract.tic;

import com.google.auto.value.AutoValue;

/** An element of {@code in_network} or {@code provider_references} that could not be read; the file went on. */
@AutoValue
public abstract class BadElement {
  /** The top-level array holding the element. */
  public enum Section {
    IN_NETWORK,
    PROVIDER_REFERENCES
  }

  public abstract Section section();

  public abstract long elementIndex();

  /** Byte offset of the element's first token in the (uncompressed) file. */
  public abstract long byteOffset();

  /** Byte offset of the token found wrong; for a missing field, the closing brace of the object missing it. */
  public abstract long problemByteOffset();

  public abstract String reason();

  static BadElement of(Section section, long elementIndex, long byteOffset, long problemByteOffset, String reason) {
    return new AutoValue_BadElement(section, elementIndex, byteOffset, problemByteOffset, reason);
  }
}
