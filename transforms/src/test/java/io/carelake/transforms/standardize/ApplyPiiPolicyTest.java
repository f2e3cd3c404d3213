package io.carelake.transforms.standardize;

import static io.carelake.transforms.standardize.MemberRows.member;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.Assert.assertThrows;

import io.carelake.schemas.Members;
import java.io.File;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class ApplyPiiPolicyTest {
  private static final Row ADA = member("M001", "Ada", "Lovelace", "1984-07-21", "ada@example.com",
      "+14025550134", "12 Analytical Way", "Lincoln", "68504", "1234");
  private static final Row GRACE = member("M002", "Grace", null, "1906-12-09", null,
      null, null, null, "02134", null);

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final transient TemporaryFolder folder = new TemporaryFolder();

  private String keyFile() throws Exception {
    File file = folder.newFile("member.key");
    Files.write(file.toPath(), (new String(TokenizerTest.KEY, UTF_8) + "\n").getBytes(UTF_8));
    return file.getPath();
  }

  @Test
  public void deidentifiesEveryRowWithTheKeyFromItsReference() throws Exception {
    Tokenizer tokenizer = Tokenizer.withKey(TokenizerTest.KEY);
    PCollection<Row> result = pipeline
        .apply(Create.of(ADA, GRACE).withRowSchema(Members.SILVER))
        .apply(ApplyPiiPolicy.of(PiiPolicy.deidentified(), keyFile()));

    PAssert.that(result).containsInAnyOrder(
        member("tok_46c50597a3d3fa6bd6d1ccf6a74f8982af7c966d9a5d0ce14ea7d689ee168d88",
            "tok_67881d5f69bb46da57e59a1f4fd9ef5cc8f575ec9c50c752847ec69879ffbcfd",
            "tok_0f82705b13614dc3cfe10ec91995f05d2ea8847f165108d700677f4a4a153cb7", "1984",
            "tok_2c23f2dc9ebae56da88e95466a4ef505c1cbfd38742b563e0497a4319a8beeec",
            "tok_f6a81aa04c320592acaed69b7d21c705cf1bef905ec70ba53a1f40af7fe6fe3b",
            null, "Lincoln", "685", null),
        member(tokenizer.token(Members.MEMBER_ID, "M002"), tokenizer.token(Members.FIRST_NAME, "Grace"),
            null, "1906", null, null, null, null, "021", null));
    assertThat(result.getCoder(), equalTo(RowCoder.of(Members.SILVER)));
    pipeline.run();
  }

  @Test
  public void policyWithoutTokensNeedsNoKey() {
    PiiPolicy policy = PiiPolicy.keepAll().withAction(Members.PHONE, PiiAction.MASK);
    PCollection<Row> result = pipeline
        .apply(Create.of(ADA).withRowSchema(Members.SILVER))
        .apply(ApplyPiiPolicy.of(policy, null));

    PAssert.that(result).containsInAnyOrder(member("M001", "Ada", "Lovelace", "1984-07-21",
        "ada@example.com", "********0134", "12 Analytical Way", "Lincoln", "68504", "1234"));
    pipeline.run();
  }

  @Test
  public void missingKeyFailsOnTheWorkerWithoutKeyMaterial() {
    String absent = new File(folder.getRoot(), "absent.key").getPath();
    pipeline
        .apply(Create.of(ADA).withRowSchema(Members.SILVER))
        .apply(ApplyPiiPolicy.of(PiiPolicy.deidentified(), absent));

    // Runners wrap a failed @Setup differently, so look for the cause rather than the wrapper.
    Throwable failure = assertThrows(RuntimeException.class, () -> pipeline.run());
    while (failure != null && !(failure instanceof FileNotFoundException)) {
      failure = failure.getCause();
    }
    assertThat(failure, notNullValue());
    assertThat(failure.getMessage(), equalTo("no tokenization key file at " + absent));
  }

  @Test
  public void tokenPolicyWithoutKeyReferenceFailsAtConstruction() {
    pipeline.enableAbandonedNodeEnforcement(false);
    PCollection<Row> rows = pipeline.apply(Create.of(ADA).withRowSchema(Members.SILVER));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> rows.apply(ApplyPiiPolicy.of(PiiPolicy.deidentified(), null)));
    assertThat(e.getMessage(), containsString("no tokenization key reference"));
  }
}
