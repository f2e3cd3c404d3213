package io.carelake.transforms.quality;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import io.carelake.transforms.secrets.SecretReference;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Where alerts are posted: a plain {@code http(s)://} URL, or a {@link SecretReference} to the URL (a file
 * on any Beam filesystem, or {@code gcpsecret:projects/p/secrets/s/versions/v}). Webhook URLs often embed
 * a token (Slack, PagerDuty), and option values are shown by runners, so such a URL belongs in a file or
 * a secret; it is read on the worker and never logged.
 */
public final class WebhookReference implements Serializable {
  private static final long serialVersionUID = 1L;
  // A URL, even with a token, is far below this.
  private static final int MAX_URL_BYTES = 4096;

  private final String reference;
  private final @Nullable SecretReference source;

  private WebhookReference(String reference, @Nullable SecretReference source) {
    this.reference = reference;
    this.source = source;
  }

  /** Parses {@code reference}; reads nothing, fails on an unsupported reference scheme. */
  public static WebhookReference of(String reference) {
    checkArgument(reference != null && !reference.isBlank(), "a webhook reference must not be blank");
    String stripped = reference.strip();
    return new WebhookReference(stripped, isUrl(stripped) ? null : SecretReference.parse("webhook URL", stripped));
  }

  public boolean isInline() {
    return source == null;
  }

  /** The URL; messages never show it, since it may embed a token. */
  URI resolve() throws IOException {
    String url = source == null ? reference : read(source);
    checkArgument(isUrl(url), "the webhook %s must hold an http(s) URL", source == null ? "reference" : source);
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("the webhook URL is not a valid URI (index " + e.getIndex() + ")");
    }
  }

  /** Fails now, at launch, rather than on the workers, when the URL cannot be read or is not a URL. */
  public void checkResolvable() throws IOException {
    resolve();
  }

  private static String read(SecretReference source) throws IOException {
    byte[] bytes = source.read(MAX_URL_BYTES);
    try {
      return new String(bytes, StandardCharsets.UTF_8).strip();
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private static boolean isUrl(String value) {
    return value.startsWith("http://") || value.startsWith("https://");
  }

  @Override
  public String toString() {
    return source == null ? "webhook(inline url)" : "webhook(" + source + ")";
  }
}
