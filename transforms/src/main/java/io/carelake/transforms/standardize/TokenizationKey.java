package io.carelake.transforms.standardize;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.util.Arrays;
import java.util.Locale;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Where the tokenisation key is, not the key: only the reference is serialised into the pipeline, shown
 * in display data and named in errors. {@link #load()} reads the key on the worker, in a DoFn's
 * {@code @Setup}.
 *
 * <p>References:
 *
 * <ul>
 *   <li>a path on any registered Beam filesystem: {@code gs://bucket/keys/member.key},
 *       {@code /etc/carelake/member.key}, {@code file:///etc/carelake/member.key};
 *   <li>{@code file:<path>}, a local path ({@code file:keys/member.key} is relative).
 * </ul>
 *
 * <p>Any other {@code scheme:} without {@code //} (such as a future
 * {@code gcpsecret:projects/p/secrets/s/versions/v}) is rejected when the reference is parsed, naming the
 * scheme. A secret manager becomes one more case in {@link #fromReference}: callers keep passing a
 * string.
 *
 * <p>A key file holds the key bytes as they are, except one trailing line ending ({@code \n} or
 * {@code \r\n}), which is removed because editors and {@code echo} add it. It must have at least
 * {@link #MIN_KEY_BYTES} bytes, the HMAC-SHA256 output size, below which the key is the weak link.
 */
public final class TokenizationKey implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final int MIN_KEY_BYTES = 32;
  // A key is a few dozen bytes; a reference to a large file is a mistake, not a key to read into memory.
  static final int MAX_KEY_FILE_BYTES = 4096;

  private final String reference;
  private final String path;

  private TokenizationKey(String reference, String path) {
    this.reference = reference;
    this.path = path;
  }

  /** Parses {@code reference}; fails on a blank reference or an unsupported scheme, reads nothing. */
  public static TokenizationKey fromReference(String reference) {
    checkArgument(reference != null && !reference.isBlank(), "tokenization key reference must not be blank");
    String scheme = scheme(reference);
    if (scheme == null || reference.startsWith("//", scheme.length() + 1)) {
      return new TokenizationKey(reference, reference);
    }
    if (scheme.equalsIgnoreCase("file")) {
      return new TokenizationKey(reference, reference.substring("file:".length()));
    }
    throw new IllegalArgumentException(String.format(
        "unsupported tokenization key reference scheme '%s:'; use a path on a Beam filesystem"
            + " (gs://bucket/key, /local/key) or file:<path>", scheme.toLowerCase(Locale.ROOT)));
  }

  public String reference() {
    return reference;
  }

  /**
   * Reads the key. The caller owns the returned array and should clear it once it has built its
   * {@link Tokenizer}.
   *
   * @throws FileNotFoundException when nothing is at the reference
   * @throws IllegalArgumentException when the key is shorter than {@link #MIN_KEY_BYTES} or the file is
   *     larger than a key can be
   */
  public byte[] load() throws IOException {
    MatchResult.Metadata file;
    try {
      file = FileSystems.matchSingleFileSpec(path);
    } catch (FileNotFoundException e) {
      FileNotFoundException notFound = new FileNotFoundException("no tokenization key file at " + reference);
      notFound.initCause(e);
      throw notFound;
    }
    checkArgument(file.sizeBytes() <= MAX_KEY_FILE_BYTES,
        "tokenization key file %s has %s bytes; a key file has at most %s",
        reference, file.sizeBytes(), MAX_KEY_FILE_BYTES);
    byte[] content;
    try (InputStream in = Channels.newInputStream(FileSystems.open(file.resourceId()))) {
      content = in.readNBytes(MAX_KEY_FILE_BYTES);
    }
    byte[] key = Arrays.copyOf(content, withoutLineEnding(content));
    Arrays.fill(content, (byte) 0);
    if (key.length < MIN_KEY_BYTES) {
      int length = key.length;
      Arrays.fill(key, (byte) 0);
      throw new IllegalArgumentException(String.format(
          "tokenization key in %s has %d bytes after removing a trailing newline; at least %d are required",
          reference, length, MIN_KEY_BYTES));
    }
    return key;
  }

  /** The scheme of {@code reference}, or null when it has none (a plain or Windows drive path). */
  private static @Nullable String scheme(String reference) {
    int colon = reference.indexOf(':');
    if (colon < 2 || !Character.isLetter(reference.charAt(0))) {
      return null;
    }
    for (int i = 1; i < colon; i++) {
      char c = reference.charAt(i);
      if (!Character.isLetterOrDigit(c) && c != '+' && c != '-' && c != '.') {
        return null;
      }
    }
    return reference.substring(0, colon);
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
    return other instanceof TokenizationKey && reference.equals(((TokenizationKey) other).reference);
  }

  @Override
  public int hashCode() {
    return reference.hashCode();
  }

  @Override
  public String toString() {
    return "TokenizationKey{" + reference + "}";
  }
}
