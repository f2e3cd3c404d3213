package io.carelake.transforms.standardize;

import static io.carelake.transforms.standardize.MemberRows.member;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.Assert.assertThrows;

import io.carelake.schemas.Members;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.util.SerializableUtils;
import org.apache.beam.sdk.values.Row;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class PiiPolicyTest {
  private static final Row ADA = member("M001", "Ada", "Lovelace", "1984-07-21", "ada@example.com",
      "+14025550134", "12 Analytical Way", "Lincoln", "68504", "1234");

  @Test
  public void deidentifiedTokenisesGeneralisesAndDrops() {
    Row result = PiiPolicy.deidentified().apply(ADA, Tokenizer.withKey(TokenizerTest.KEY));

    Row expected = member(
        "tok_46c50597a3d3fa6bd6d1ccf6a74f8982af7c966d9a5d0ce14ea7d689ee168d88",
        "tok_67881d5f69bb46da57e59a1f4fd9ef5cc8f575ec9c50c752847ec69879ffbcfd",
        "tok_0f82705b13614dc3cfe10ec91995f05d2ea8847f165108d700677f4a4a153cb7",
        "1984",
        "tok_2c23f2dc9ebae56da88e95466a4ef505c1cbfd38742b563e0497a4319a8beeec",
        "tok_f6a81aa04c320592acaed69b7d21c705cf1bef905ec70ba53a1f40af7fe6fe3b",
        null, "Lincoln", "685", null);
    assertThat(result, equalTo(expected));
    assertThat(result.getSchema(), sameInstance(Members.SILVER));
  }

  @Test
  public void deidentifiedActions() {
    Map<String, PiiAction> expected = new TreeMap<>(Map.of(
        "member_id", PiiAction.TOKEN, "first_name", PiiAction.TOKEN, "last_name", PiiAction.TOKEN,
        "dob", PiiAction.GENERALIZE, "email", PiiAction.TOKEN, "phone", PiiAction.TOKEN,
        "address_line_1", PiiAction.DROP, "zip", PiiAction.GENERALIZE, "zip_plus4", PiiAction.DROP));
    assertThat(PiiPolicy.deidentified().actions(), equalTo(expected));
    assertThat(PiiPolicy.deidentified().actionFor(Members.CITY), is(PiiAction.KEEP));
    assertThat(PiiPolicy.deidentified().actionFor(Members.PLAN_ID), is(PiiAction.KEEP));
  }

  @Test
  public void nullsStayNull() {
    Row sparse = member("M002", null, null, null, null, null, null, null, null, null);
    Row result = PiiPolicy.deidentified().apply(sparse, Tokenizer.withKey(TokenizerTest.KEY));
    assertThat(result.getString(Members.FIRST_NAME), equalTo(null));
    assertThat(result.getString(Members.DOB), equalTo(null));
    assertThat(result.getString(Members.ZIP), equalTo(null));
  }

  @Test
  public void maskKeepsTheLastFourCharacters() {
    PiiPolicy policy = PiiPolicy.keepAll().withAction(Members.PHONE, PiiAction.MASK)
        .withAction(Members.FIRST_NAME, PiiAction.MASK);
    Row result = policy.apply(ADA, null);
    assertThat(result.getString(Members.PHONE), equalTo("********0134"));
    assertThat(result.getString(Members.FIRST_NAME), equalTo("***"));
    assertThat(PiiPolicy.mask("Lovelace"), equalTo("****lace"));
    assertThat(PiiPolicy.mask("Anna"), equalTo("****"));
    assertThat(PiiPolicy.mask(""), equalTo(""));
  }

  @Test
  public void keepAllReturnsTheRowUnchanged() {
    assertThat(PiiPolicy.keepAll().apply(ADA, null), sameInstance(ADA));
  }

  @Test
  public void dropAndKeepLeaveOtherColumnsAlone() {
    PiiPolicy policy = PiiPolicy.keepAll().withAction(Members.EMAIL, PiiAction.DROP);
    Row expected = member("M001", "Ada", "Lovelace", "1984-07-21", null,
        "+14025550134", "12 Analytical Way", "Lincoln", "68504", "1234");
    assertThat(policy.apply(ADA, null), equalTo(expected));
  }

  @Test
  public void withActionKeepRemovesTheColumn() {
    PiiPolicy policy = PiiPolicy.deidentified().withAction(Members.DOB, PiiAction.KEEP);
    assertThat(policy.actions().containsKey(Members.DOB), is(false));
    assertThat(policy.apply(ADA, Tokenizer.withKey(TokenizerTest.KEY)).getString(Members.DOB),
        equalTo("1984-07-21"));
  }

  @Test
  public void generalizeOnlyWhereItIsDefined() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PiiPolicy.keepAll().withAction(Members.CITY, PiiAction.GENERALIZE));
    assertThat(e.getMessage(), containsString("not for city"));
  }

  @Test
  public void valueThatCannotBeGeneralisedFailsWithoutShowingIt() {
    Row badDob = member("M001", "Ada", "Lovelace", "21/07/1984", null, null, null, null, "68504", null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PiiPolicy.keepAll().withAction(Members.DOB, PiiAction.GENERALIZE).apply(badDob, null));
    assertThat(e.getMessage(), allOf(containsString("dob"), not(containsString("1984"))));

    Row badZip = member("M001", "Ada", "Lovelace", null, null, null, null, null, "68504-1234", null);
    assertThrows(IllegalArgumentException.class,
        () -> PiiPolicy.keepAll().withAction(Members.ZIP, PiiAction.GENERALIZE).apply(badZip, null));
  }

  @Test
  public void tokenWithoutTokenizerFails() {
    assertThrows(IllegalStateException.class, () -> PiiPolicy.deidentified().apply(ADA, null));
  }

  @Test
  public void needsTokenizerOnlyWithATokenAction() {
    assertThat(PiiPolicy.deidentified().needsTokenizer(), is(true));
    assertThat(PiiPolicy.keepAll().withAction(Members.PHONE, PiiAction.MASK).needsTokenizer(), is(false));
  }

  @Test
  public void checkApplicableToListsEveryProblem() {
    Schema schema = Schema.builder()
        .addStringField(Members.MEMBER_ID)
        .addNullableField(Members.DOB, Schema.FieldType.STRING)
        .addInt64Field(Members.PHONE)
        .build();
    PiiPolicy policy = PiiPolicy.keepAll()
        .withAction(Members.MEMBER_ID, PiiAction.DROP)
        .withAction(Members.PHONE, PiiAction.TOKEN)
        .withAction("emial", PiiAction.TOKEN);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> policy.checkApplicableTo(schema));
    assertThat(e.getMessage(), allOf(
        containsString("emial is not in the schema"),
        containsString("member_id is not nullable"),
        containsString("phone is INT64, but TOKEN needs a STRING")));
    PiiPolicy.deidentified().checkApplicableTo(Members.SILVER);
  }

  @Test
  public void policyIsSerializableAndComparedByValue() {
    PiiPolicy policy = PiiPolicy.deidentified();
    assertThat(SerializableUtils.clone(policy), equalTo(policy));
    assertThat(policy.withAction(Members.CITY, PiiAction.DROP), not(equalTo(policy)));
  }
}
