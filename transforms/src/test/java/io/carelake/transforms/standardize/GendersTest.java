package io.carelake.transforms.standardize;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class GendersTest {
  @Test
  public void male() {
    assertThat(Genders.toCode("M"), equalTo("M"));
    assertThat(Genders.toCode("male"), equalTo("M"));
    assertThat(Genders.toCode(" Man "), equalTo("M"));
  }

  @Test
  public void female() {
    assertThat(Genders.toCode("f"), equalTo("F"));
    assertThat(Genders.toCode("FEMALE"), equalTo("F"));
    assertThat(Genders.toCode("Woman"), equalTo("F"));
  }

  @Test
  public void nonBinaryAndOther() {
    assertThat(Genders.toCode("nonbinary"), equalTo("X"));
    assertThat(Genders.toCode("Non-Binary"), equalTo("X"));
    assertThat(Genders.toCode("non binary"), equalTo("X"));
    assertThat(Genders.toCode("Other"), equalTo("X"));
    assertThat(Genders.toCode("x"), equalTo("X"));
  }

  @Test
  public void unknownAndDeclined() {
    assertThat(Genders.toCode("U"), equalTo("U"));
    assertThat(Genders.toCode("unknown"), equalTo("U"));
    assertThat(Genders.toCode("Not Specified"), equalTo("U"));
    assertThat(Genders.toCode("not_specified"), equalTo("U"));
    assertThat(Genders.toCode("Declined"), equalTo("U"));
    assertThat(Genders.toCode("prefer not to say"), equalTo("U"));
  }

  @Test
  public void unrecognisedIsNull() {
    assertThat(Genders.toCode("1"), nullValue());
    assertThat(Genders.toCode("mail"), nullValue());
    assertThat(Genders.toCode(""), nullValue());
    assertThat(Genders.toCode(null), nullValue());
  }
}
