package io.carelake.transforms.extract;

import static io.carelake.transforms.extract.LandingFixtures.concat;
import static io.carelake.transforms.extract.LandingFixtures.gzip;
import static io.carelake.transforms.extract.LandingFixtures.landed;
import static io.carelake.transforms.extract.LandingFixtures.utf8;
import static io.carelake.transforms.extract.LandingFixtures.write;

import io.carelake.schemas.FileProblem;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.SchemaCoders;
import io.carelake.transforms.validate.FailableResult;
import java.io.File;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.junit.Assume;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class FingerprintFilesTest {
  private static final int TEXT_PROBE_BYTES = 64 * 1024;

  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final transient TemporaryFolder landing = new TemporaryFolder();

  private FailableResult<LandingFile, FileProblem> fingerprint(LandingFile... files) {
    return p.apply(Create.of(List.of(files)).withCoder(SchemaCoders.of(LandingFile.class)))
        .apply(FingerprintFiles.create());
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static LandingFile hashed(LandingFile file, String sha256) {
    return file.toBuilder().setContentSha256(sha256).build();
  }

  @Test
  public void plainFileHashIsLowercaseHexSha256OfItsBytes() {
    LandingFile members = landed(write(landing, "acme_20250131.csv", "member_id,name\n1,Ann\n"));

    FailableResult<LandingFile, FileProblem> result = fingerprint(members);

    PAssert.that(result.output()).containsInAnyOrder(
        hashed(members, "c2fddf0d2334178038e6dc7c02516b4c5986b4829c182f2bdcb431003757a561"));
    PAssert.that(result.failures()).empty();
    p.run();
  }

  @Test
  public void gzippedFileIsHashedAsDeliveredIncludingBytesAfterTheGzipTrailer() throws Exception {
    byte[] delivered = concat(gzip(utf8("member_id,name\n1,Ann\n")), utf8("padding"));
    LandingFile members = landed(write(landing, "acme_20250131.csv.gz", delivered));

    FailableResult<LandingFile, FileProblem> result = fingerprint(members);

    PAssert.that(result.output()).containsInAnyOrder(hashed(members, sha256(delivered)));
    PAssert.that(result.failures()).empty();
    p.run();
  }

  @Test
  public void truncatedOrCorruptGzipFails() {
    byte[] compressed = gzip(utf8("member_id,name\n" + "1,Ann\n".repeat(5000)));
    LandingFile truncated = landed(write(landing, "acme_20250131.csv.gz",
        Arrays.copyOf(compressed, compressed.length / 2)));
    LandingFile notGzip = landed(write(landing, "acme_20250131_2.csv.gz", "member_id,name\n1,Ann\n"));

    FailableResult<LandingFile, FileProblem> result = fingerprint(truncated, notGzip);

    PAssert.that(result.output()).empty();
    PAssert.that(result.failures()).containsInAnyOrder(
        FileProblem.failed(truncated, "read.gzip: truncated or corrupt gzip stream"),
        FileProblem.failed(notGzip, "read.gzip: truncated or corrupt gzip stream"));
    p.run();
  }

  @Test
  public void nulByteInTheFirst64KiBOfContentIsBinary() throws Exception {
    byte[] nulAtLastProbedByte = new byte[TEXT_PROBE_BYTES + 10];
    Arrays.fill(nulAtLastProbedByte, (byte) 'a');
    nulAtLastProbedByte[TEXT_PROBE_BYTES - 1] = 0;
    byte[] nulAfterProbe = nulAtLastProbedByte.clone();
    nulAfterProbe[TEXT_PROBE_BYTES - 1] = 'a';
    nulAfterProbe[TEXT_PROBE_BYTES] = 0;
    LandingFile binary = landed(write(landing, "acme_20250131.csv", nulAtLastProbedByte));
    LandingFile gzippedBinary = landed(write(landing, "acme_20250131_2.csv.gz", gzip(nulAtLastProbedByte)));
    LandingFile lateNul = landed(write(landing, "acme_20250131_3.csv", nulAfterProbe));

    FailableResult<LandingFile, FileProblem> result = fingerprint(binary, gzippedBinary, lateNul);

    PAssert.that(result.output()).containsInAnyOrder(hashed(lateNul, sha256(nulAfterProbe)));
    PAssert.that(result.failures()).containsInAnyOrder(
        FileProblem.failed(binary, "read.not_text: binary content"),
        FileProblem.failed(gzippedBinary, "read.not_text: binary content"));
    p.run();
  }

  @Test
  public void fileGoneSinceListingFailsWithoutCrashingThePipeline() {
    File gone = write(landing, "acme_20250131.csv", "member_id\n1\n");
    LandingFile listed = landed(gone);
    LandingFile present = landed(write(landing, "acme_20250131_2.csv", "member_id,name\n1,Ann\n"));
    gone.delete();

    FailableResult<LandingFile, FileProblem> result = fingerprint(listed, present);

    PAssert.that(result.output()).containsInAnyOrder(
        hashed(present, "c2fddf0d2334178038e6dc7c02516b4c5986b4829c182f2bdcb431003757a561"));
    PAssert.that(result.failures()).containsInAnyOrder(
        FileProblem.failed(listed, "read.io: FileNotFoundException"));
    p.run();
  }

  @Test
  public void fileWithoutReadPermissionFails() {
    File locked = write(landing, "acme_20250131.csv", "member_id\n1\n");
    Assume.assumeTrue("cannot take read permission away", locked.setReadable(false, false));
    // Root reads any file whatever its permissions.
    Assume.assumeFalse("this user reads unreadable files", Files.isReadable(locked.toPath()));
    LandingFile listed = landed(locked);

    FailableResult<LandingFile, FileProblem> result = fingerprint(listed);

    PAssert.that(result.output()).empty();
    PAssert.that(result.failures()).containsInAnyOrder(
        FileProblem.failed(listed, "read.io: FileNotFoundException"));
    p.run();
  }
}
