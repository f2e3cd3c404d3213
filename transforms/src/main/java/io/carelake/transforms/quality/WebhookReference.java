package io.carelake.transforms.quality;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.io.FileSystems;

/**
 * Where alerts are posted: a plain {@code http(s)://} URL, or the path of a file holding the URL. Webhook
 * URLs often embed a token (Slack, PagerDuty), and option values are shown by runners, so such a URL
 * belongs in a file; it is read on the worker and never logged.
 */
public final class WebhookReference implements Serializable {
  private final String reference;

  private WebhookReference(String reference) {
    this.reference = reference;
  }

  public static WebhookReference of(String reference) {
    checkArgument(reference != null && !reference.isBlank(), "a webhook reference must not be blank");
    return new WebhookReference(reference.strip());
  }

  public boolean isInline() {
    return reference.startsWith("http://") || reference.startsWith("https://");
  }

  /** The URL; messages never show it, since it may embed a token. */
  URI resolve() throws IOException {
    String url = isInline() ? reference : readFile(reference);
    checkArgument(url.startsWith("http://") || url.startsWith("https://"),
        "the webhook %s must hold an http(s) URL", isInline() ? "reference" : "file " + reference);
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

  private static String readFile(String path) throws IOException {
    try (InputStream in = Channels.newInputStream(FileSystems.open(FileSystems.matchSingleFileSpec(path).resourceId()))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }

  @Override
  public String toString() {
    return isInline() ? "webhook(inline url)" : "webhook(file " + reference + ")";
  }
}
