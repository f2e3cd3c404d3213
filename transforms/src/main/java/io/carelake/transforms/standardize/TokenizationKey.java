package io.carelake.transforms.standardize;

import io.carelake.transforms.secrets.SecretReference;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Where the tokenisation key is, not the key: a {@link SecretReference} (a file on any Beam filesystem,
 * {@code file:<path>}, or {@code gcpsecret:projects/p/secrets/s/versions/v}). Only the reference is
 * serialised into the pipeline, shown in display data and named in errors. {@link #load()} reads the key
 * on the worker, in a DoFn's {@code @Setup}.
 *
 * <p>A key holds its bytes as they are, except one trailing line ending ({@code \n} or {@code \r\n}),
 * which is removed because editors and {@code echo} add it, also to a secret piped into
 * {@code gcloud secrets versions add --data-file=-}. It must have at least {@link #MIN_KEY_BYTES} bytes, the HMAC-SHA256 output
 * size, below which the key is the weak link.
 */
public final class TokenizationKey implements Serializable {
  private static final long serialVersionUID = 2L;

  public static final int MIN_KEY_BYTES = 32;
  // A key is a few dozen bytes; a reference to a large file is a mistake, not a key to read into memory.
  static final int MAX_KEY_FILE_BYTES = 4096;
  private static final String WHAT = "tokenization key";

  private final SecretReference source;

  private TokenizationKey(SecretReference source) {
    this.source = source;
  }

  /** Parses {@code reference}; fails on a blank reference or an unsupported scheme, reads nothing. */
  public static TokenizationKey fromReference(String reference) {
    return new TokenizationKey(SecretReference.parse(WHAT, reference));
  }

  /** A key read from {@code source}: for tests that point a Secret Manager reference elsewhere. */
  static TokenizationKey from(SecretReference source) {
    return new TokenizationKey(source);
  }

  public String reference() {
    return source.reference();
  }

  /**
   * Reads the key. The caller owns the returned array and should clear it once it has built its
   * {@link Tokenizer}.
   *
   * @throws FileNotFoundException when nothing is at the reference
   * @throws IllegalArgumentException when the key is shorter than {@link #MIN_KEY_BYTES} or larger than a
   *     key can be
   */
  public byte[] load() throws IOException {
    byte[] content = source.read(MAX_KEY_FILE_BYTES);
    byte[] key = Arrays.copyOf(content, withoutLineEnding(content));
    Arrays.fill(content, (byte) 0);
    if (key.length < MIN_KEY_BYTES) {
      int length = key.length;
      Arrays.fill(key, (byte) 0);
      throw new IllegalArgumentException(String.format(
          "tokenization key in %s has %d bytes after removing a trailing newline; at least %d are required",
          reference(), length, MIN_KEY_BYTES));
    }
    return key;
  }

  /** Reads the key into a {@link Tokenizer}, clearing the key's bytes once the tokenizer holds them. */
  public Tokenizer loadTokenizer() throws IOException {
    byte[] secret = load();
    try {
      return Tokenizer.withKey(secret);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  private static int withoutLineEnding(byte[] content) {
    int length = content.length;
    if (length > 0 && content[length - 1] == '\n') {
      length--;
      if (length > 0 && content[length - 1] == '\r') {
        length--;
      }
    }
    return length;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof TokenizationKey && reference().equals(((TokenizationKey) other).reference());
  }

  @Override
  public int hashCode() {
    return reference().hashCode();
  }

  @Override
  public String toString() {
    return "TokenizationKey{" + reference() + "}";
  }
}
