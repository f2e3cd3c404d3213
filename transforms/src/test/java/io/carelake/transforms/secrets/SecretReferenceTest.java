package io.carelake.transforms.secrets;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertThrows;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.beam.sdk.util.SerializableUtils;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class SecretReferenceTest {
  private static final String VERSION = "projects/carelake-prod/secrets/member-token-key/versions/latest";
  private static final String REF = "gcpsecret:" + VERSION;
  private static final String SECRET = "s3cr3t-webhook-or-key-value";

  @Rule public final TemporaryFolder folder = new TemporaryFolder();

  private LocalSecretManager secretManager;

  @Before
  public void startSecretManager() throws IOException {
    secretManager = LocalSecretManager.start();
  }

  @After
  public void stopSecretManager() {
    secretManager.close();
  }

  private SecretReference served() {
    return secretManager.reference("test secret", REF);
  }

  @Test
  public void secretManagerVersionIsReadWithTheBearerToken() throws Exception {
    secretManager.serveSecret(VERSION, SECRET.getBytes(UTF_8));

    assertThat(new String(served().read(4096), UTF_8), equalTo(SECRET));
    assertThat(secretManager.requests(), contains(new LocalSecretManager.Request(
        "GET", "/v1/" + VERSION + ":access", "Bearer " + LocalSecretManager.TOKEN)));
  }

  @Test
  public void aResponseWithoutChecksumIsAccepted() throws Exception {
    secretManager.serveSecret(VERSION, SECRET.getBytes(UTF_8), null);

    assertThat(new String(served().read(4096), UTF_8), equalTo(SECRET));
  }

  @Test
  public void checksumMismatchFailsNamingTheReferenceNotTheSecret() {
    secretManager.serveSecret(VERSION, SECRET.getBytes(UTF_8), "12345");

    IOException e = assertThrows(IOException.class, () -> served().read(4096));
    assertThat(e.getMessage(), allOf(containsString(REF), containsString("CRC32C"), not(containsString(SECRET))));
  }

  @Test
  public void missingVersionIsFileNotFoundNamingTheReference() {
    FileNotFoundException e = assertThrows(FileNotFoundException.class, () -> served().read(4096));
    assertThat(e.getMessage(), allOf(
        containsString("no test secret secret version at " + REF), containsString("HTTP 404"), containsString("NOT_FOUND")));
  }

  @Test
  public void permissionDeniedSaysWhichPermissionIsMissing() {
    secretManager.serve(VERSION, 403, "{\n  \"error\": {\n    \"code\": 403,\n    \"message\": \"Permission "
        + "'secretmanager.versions.access' denied for resource '" + VERSION + "' (or it may not exist).\",\n"
        + "    \"status\": \"PERMISSION_DENIED\"\n  }\n}\n");

    IOException e = assertThrows(IOException.class, () -> served().read(4096));
    assertThat(e, not(instanceOf(FileNotFoundException.class)));
    assertThat(e.getMessage(), allOf(containsString(REF), containsString("HTTP 403 PERMISSION_DENIED"),
        containsString("Secret Manager Secret Accessor")));
  }

  @Test
  public void aResponseThatIsNotJsonIsNotQuoted() {
    secretManager.serve(VERSION, 200, "payload: " + SECRET);

    IOException e = assertThrows(IOException.class, () -> served().read(4096));
    assertThat(e.getMessage(), allOf(containsString(REF), containsString("not JSON"), not(containsString(SECRET))));
    assertThat(e.getCause(), equalTo(null));
  }

  @Test
  public void aSecretLargerThanAllowedFailsWithoutShowingIt() {
    secretManager.serveSecret(VERSION, SECRET.getBytes(UTF_8));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> served().read(8));
    assertThat(e.getMessage(), allOf(containsString(REF), containsString("at most 8"), not(containsString(SECRET))));
  }

  @Test
  public void filesAreReadThroughBeamFileSystems() throws Exception {
    File file = folder.newFile("webhook.url");
    Files.writeString(file.toPath(), SECRET);

    assertThat(new String(SecretReference.parse("test secret", file.getPath()).read(4096), UTF_8), equalTo(SECRET));
    assertThat(new String(SecretReference.parse("test secret", "file:" + file.getPath()).read(4096), UTF_8),
        equalTo(SECRET));
    assertThat(new String(SecretReference.parse("test secret", file.toURI().toString()).read(4096), UTF_8),
        equalTo(SECRET));
  }

  @Test
  public void aMissingFileIsFileNotFoundNamingThePath() {
    String path = new File(folder.getRoot(), "absent").getPath();
    FileNotFoundException e = assertThrows(FileNotFoundException.class,
        () -> SecretReference.parse("test secret", path).read(4096));
    assertThat(e.getMessage(), equalTo("no test secret file at " + path));
  }

  @Test
  public void secretManagerNamesAreChecked() {
    for (String bad : new String[] {"gcpsecret:projects/p/secrets/s", "gcpsecret:projects/p/secrets/s/versions/",
        "gcpsecret:projects/p/secrets/../versions/1", "gcpsecret:projects/p/secrets/s/versions/1?alt=media",
        "gcpsecret:secrets/s/versions/1"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> SecretReference.parse("test secret", bad));
      assertThat(e.getMessage(), containsString(bad));
    }
    SecretReference.parse("test secret", "gcpsecret:projects/example.com:carelake/secrets/member_key-2/versions/12");
  }

  @Test
  public void unknownSchemeFailsNamingTheScheme() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SecretReference.parse("test secret", "vault:secret/data/carelake"));
    assertThat(e.getMessage(), allOf(containsString("'vault:'"), containsString("gcpsecret:projects/")));
  }

  @Test
  public void blankReferenceIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> SecretReference.parse("test secret", " "));
  }

  @Test
  public void aReferenceSerialisesAsItsNameOnly() throws Exception {
    secretManager.serveSecret(VERSION, SECRET.getBytes(UTF_8));
    SecretReference reference = served();
    reference.read(4096);

    assertThat(reference.toString(), equalTo(REF));
    assertThat(new String(SerializableUtils.serializeToByteArray(reference), UTF_8), not(containsString(SECRET)));
    assertThat(SerializableUtils.clone(SecretReference.parse("test secret", REF)).reference(), equalTo(REF));
  }
}
