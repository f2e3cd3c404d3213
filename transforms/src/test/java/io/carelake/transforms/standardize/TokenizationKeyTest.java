package io.carelake.transforms.standardize;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertThrows;

import io.carelake.transforms.secrets.LocalSecretManager;
import java.io.File;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class TokenizationKeyTest {
  private static final String KEY = "0123456789abcdef0123456789abcdef";

  @Rule public final TemporaryFolder folder = new TemporaryFolder();

  private File keyFile(String content) throws Exception {
    File file = folder.newFile();
    Files.write(file.toPath(), content.getBytes(UTF_8));
    return file;
  }

  @Test
  public void plainPathLoadsTheKeyWithoutItsTrailingNewline() throws Exception {
    File file = keyFile(KEY + "\n");
    assertThat(new String(TokenizationKey.fromReference(file.getPath()).load(), UTF_8), equalTo(KEY));
  }

  @Test
  public void fileReferencesLoadTheSameKey() throws Exception {
    File file = keyFile(KEY + "\r\n");
    assertThat(new String(TokenizationKey.fromReference("file:" + file.getPath()).load(), UTF_8), equalTo(KEY));
    assertThat(new String(TokenizationKey.fromReference(file.toURI().toString()).load(), UTF_8), equalTo(KEY));
  }

  @Test
  public void onlyOneLineEndingIsTrimmed() throws Exception {
    File file = keyFile(KEY + "\n\n");
    assertThat(new String(TokenizationKey.fromReference(file.getPath()).load(), UTF_8), equalTo(KEY + "\n"));
  }

  @Test
  public void shortKeyFailsNamingPathAndRequirementButNotTheKey() throws Exception {
    String shortKey = "s3cr3t-but-only-31-bytes-long!!";
    File file = keyFile(shortKey + "\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TokenizationKey.fromReference(file.getPath()).load());
    assertThat(e.getMessage(), allOf(
        containsString(file.getPath()), containsString("31 bytes"), containsString("at least 32"),
        not(containsString(shortKey))));
  }

  @Test
  public void missingFileFailsNamingThePath() throws Exception {
    String path = new File(folder.getRoot(), "absent.key").getPath();
    FileNotFoundException e = assertThrows(FileNotFoundException.class,
        () -> TokenizationKey.fromReference(path).load());
    assertThat(e.getMessage(), equalTo("no tokenization key file at " + path));
  }

  @Test
  public void oversizedFileIsNotAKey() throws Exception {
    File file = keyFile("x".repeat(TokenizationKey.MAX_KEY_FILE_BYTES + 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TokenizationKey.fromReference(file.getPath()).load());
    assertThat(e.getMessage(), containsString(file.getPath()));
  }

  @Test
  public void secretManagerKeyLoadsWithoutItsTrailingNewline() throws Exception {
    String ref = "gcpsecret:projects/carelake-prod/secrets/member-token-key/versions/latest";
    try (LocalSecretManager secretManager = LocalSecretManager.start()) {
      secretManager.serveSecret("projects/carelake-prod/secrets/member-token-key/versions/latest",
          (KEY + "\n").getBytes(UTF_8));
      TokenizationKey key = TokenizationKey.from(secretManager.reference("tokenization key", ref));

      assertThat(new String(key.load(), UTF_8), equalTo(KEY));
      assertThat(key.reference(), equalTo(ref));
      assertThat(key, equalTo(TokenizationKey.fromReference(ref)));
    }
  }

  @Test
  public void shortSecretManagerKeyFailsNamingTheReferenceButNotTheKey() throws Exception {
    String shortKey = "s3cr3t-but-only-31-bytes-long!!";
    String ref = "gcpsecret:projects/carelake-prod/secrets/member-token-key/versions/2";
    try (LocalSecretManager secretManager = LocalSecretManager.start()) {
      secretManager.serveSecret("projects/carelake-prod/secrets/member-token-key/versions/2", shortKey.getBytes(UTF_8));
      TokenizationKey key = TokenizationKey.from(secretManager.reference("tokenization key", ref));

      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, key::load);
      assertThat(e.getMessage(), allOf(
          containsString(ref), containsString("31 bytes"), containsString("at least 32"), not(containsString(shortKey))));
    }
  }

  @Test
  public void missingSecretManagerKeyFailsNamingTheReference() throws Exception {
    String ref = "gcpsecret:projects/carelake-prod/secrets/absent/versions/1";
    try (LocalSecretManager secretManager = LocalSecretManager.start()) {
      FileNotFoundException e = assertThrows(FileNotFoundException.class,
          () -> TokenizationKey.from(secretManager.reference("tokenization key", ref)).load());
      assertThat(e.getMessage(), containsString("no tokenization key secret version at " + ref));
    }
  }

  @Test
  public void unknownSchemeFailsNamingTheScheme() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TokenizationKey.fromReference("vault:secret/data/carelake/token-key"));
    assertThat(e.getMessage(), containsString("'vault:'"));
  }

  @Test
  public void malformedSecretManagerNameIsRejectedWhenParsed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TokenizationKey.fromReference("gcpsecret:projects/p/secrets/member-token-key"));
    assertThat(e.getMessage(), containsString("versions/<version|latest>"));
  }

  @Test
  public void blankReferenceIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> TokenizationKey.fromReference(" "));
  }
}
