package io.carelake.transforms.secrets;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auth.Credentials;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URI;
import java.nio.channels.Channels;
import java.util.Arrays;
import java.util.Locale;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Where a secret is, not the secret: only the reference is serialised into a pipeline, shown in display
 * data and named in errors. {@link #read} fetches the bytes where they are needed, on the worker.
 *
 * <p>References:
 *
 * <ul>
 *   <li>a path on any registered Beam filesystem: {@code gs://bucket/keys/member.key},
 *       {@code /etc/carelake/member.key}, {@code file:///etc/carelake/member.key};
 *   <li>{@code file:<path>}, a local path ({@code file:keys/member.key} is relative);
 *   <li>{@code gcpsecret:projects/<project>/secrets/<secret>/versions/<version|latest>}, a Google Secret
 *       Manager secret version, read with Application Default Credentials (on Dataflow, the worker's
 *       service account; elsewhere {@code GOOGLE_APPLICATION_CREDENTIALS} or the metadata server), which
 *       need {@code secretmanager.versions.access} on the secret.
 * </ul>
 *
 * Any other {@code scheme:} without {@code //} is rejected when the reference is parsed, naming the
 * scheme: another secret manager becomes one more case here, and callers keep passing a string.
 */
public final class SecretReference implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String what;
  private final String reference;
  // Exactly one of the two is set.
  private final @Nullable String path;
  private final @Nullable GcpSecretVersion secretVersion;

  private SecretReference(String what, String reference, @Nullable String path, @Nullable GcpSecretVersion secretVersion) {
    this.what = what;
    this.reference = reference;
    this.path = path;
    this.secretVersion = secretVersion;
  }

  /**
   * Parses {@code reference}; reads nothing. {@code what} names the secret in messages, such as
   * {@code "tokenization key"}.
   *
   * @throws IllegalArgumentException on a blank reference, an unsupported scheme or a malformed
   *     Secret Manager name
   */
  public static SecretReference parse(String what, String reference) {
    checkArgument(reference != null && !reference.isBlank(), "%s reference must not be blank", what);
    String scheme = scheme(reference);
    if (scheme == null || reference.startsWith("//", scheme.length() + 1)) {
      return new SecretReference(what, reference, reference, null);
    }
    if (scheme.equalsIgnoreCase("file")) {
      return new SecretReference(what, reference, reference.substring("file:".length()), null);
    }
    if (scheme.equalsIgnoreCase("gcpsecret")) {
      GcpSecretVersion version = GcpSecretVersion.parse(reference.substring("gcpsecret:".length()));
      checkArgument(version != null,
          "%s reference %s is not gcpsecret:projects/<project>/secrets/<secret>/versions/<version|latest>",
          what, reference);
      return new SecretReference(what, reference, null, version);
    }
    throw new IllegalArgumentException(String.format(
        "unsupported %s reference scheme '%s:'; use a path on a Beam filesystem (gs://bucket/key, /local/key),"
            + " file:<path> or gcpsecret:projects/<project>/secrets/<secret>/versions/<version|latest>",
        what, scheme.toLowerCase(Locale.ROOT)));
  }

  /** The same Secret Manager reference read from another endpoint with other credentials: for tests. */
  SecretReference withSecretManager(URI endpoint, Credentials credentials) {
    checkArgument(secretVersion != null, "%s is not a Secret Manager reference", reference);
    return new SecretReference(what, reference, null, secretVersion.using(endpoint, credentials));
  }

  public String reference() {
    return reference;
  }

  /**
   * The secret's bytes as stored. The caller owns the array and should clear it once used.
   *
   * @throws FileNotFoundException when nothing is at the reference
   * @throws IllegalArgumentException when the secret has more than {@code maxBytes} bytes: a reference
   *     to something large is a mistake, not a secret to read into memory
   */
  public byte[] read(int maxBytes) throws IOException {
    byte[] secret = secretVersion != null ? secretVersion.access(what, reference) : readFile(maxBytes);
    if (secret.length > maxBytes) {
      int length = secret.length;
      Arrays.fill(secret, (byte) 0);
      throw new IllegalArgumentException(String.format(
          "%s %s has %d bytes; at most %d are expected", what, reference, length, maxBytes));
    }
    return secret;
  }

  private byte[] readFile(int maxBytes) throws IOException {
    MatchResult.Metadata file;
    try {
      file = FileSystems.matchSingleFileSpec(path);
    } catch (FileNotFoundException e) {
      FileNotFoundException notFound = new FileNotFoundException("no " + what + " file at " + reference);
      notFound.initCause(e);
      throw notFound;
    }
    checkArgument(file.sizeBytes() <= maxBytes, "%s file %s has %s bytes; at most %s are expected",
        what, reference, file.sizeBytes(), maxBytes);
    try (InputStream in = Channels.newInputStream(FileSystems.open(file.resourceId()))) {
      // One byte more than allowed, so that a file grown since it was listed still fails the size check.
      return in.readNBytes(maxBytes + 1);
    }
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

  /** The reference, which names the secret and never holds it. */
  @Override
  public String toString() {
    return reference;
  }
}
