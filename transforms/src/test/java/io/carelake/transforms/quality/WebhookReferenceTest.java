package io.carelake.transforms.quality;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class WebhookReferenceTest {
  private static final String URL = "https://hooks.example.com/services/T000/B000/token-in-the-url";

  @Rule public final TemporaryFolder folder = new TemporaryFolder();

  @Test
  public void aFileHoldsTheUrlWhichIsNeverShown() throws Exception {
    File file = folder.newFile("webhook.url");
    Files.writeString(file.toPath(), URL + "\n");
    WebhookReference webhook = WebhookReference.of(file.getPath());

    assertThat(webhook.isInline(), is(false));
    assertThat(webhook.resolve(), equalTo(URI.create(URL)));
    assertThat(webhook.toString(), equalTo("webhook(" + file.getPath() + ")"));
  }

  @Test
  public void aSecretManagerReferenceIsParsedNotRead() {
    String ref = "gcpsecret:projects/carelake-prod/secrets/alerts-webhook/versions/latest";
    WebhookReference webhook = WebhookReference.of(ref);

    assertThat(webhook.isInline(), is(false));
    assertThat(webhook.toString(), equalTo("webhook(" + ref + ")"));
  }

  @Test
  public void anInlineUrlIsNotShownEither() {
    assertThat(WebhookReference.of(URL).toString(), equalTo("webhook(inline url)"));
  }

  @Test
  public void aFileWithoutAUrlFailsNamingTheFileNotItsContent() throws Exception {
    File file = folder.newFile("webhook.url");
    Files.writeString(file.toPath(), "hooks.example.com/token-in-the-url\n");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WebhookReference.of(file.getPath()).checkResolvable());
    assertThat(e.getMessage(), equalTo("the webhook " + file.getPath() + " must hold an http(s) URL"));
  }

  @Test
  public void anUnsupportedSchemeFailsWhenParsed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WebhookReference.of("vault:secret/alerts"));
    assertThat(e.getMessage(), containsString("'vault:'"));
  }
}
