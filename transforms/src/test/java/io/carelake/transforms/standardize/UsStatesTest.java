package io.carelake.transforms.standardize;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class UsStatesTest {
  @Test
  public void codesInAnyCaseAndPunctuation() {
    assertThat(UsStates.toCode("NE"), equalTo("NE"));
    assertThat(UsStates.toCode("ne"), equalTo("NE"));
    assertThat(UsStates.toCode(" ne "), equalTo("NE"));
    assertThat(UsStates.toCode("N.Y."), equalTo("NY"));
    assertThat(UsStates.toCode("n. y."), equalTo("NY"));
  }

  @Test
  public void fullNames() {
    assertThat(UsStates.toCode("Nebraska"), equalTo("NE"));
    assertThat(UsStates.toCode("  new   YORK "), equalTo("NY"));
    assertThat(UsStates.toCode("West Virginia"), equalTo("WV"));
    assertThat(UsStates.toCode("Virginia"), equalTo("VA"));
    assertThat(UsStates.toCode("District of Columbia"), equalTo("DC"));
    assertThat(UsStates.toCode("Washington, D.C."), nullValue());
    assertThat(UsStates.toCode("Washington D.C."), equalTo("DC"));
    assertThat(UsStates.toCode("Washington"), equalTo("WA"));
  }

  @Test
  public void territoriesAndMilitary() {
    assertThat(UsStates.toCode("Puerto Rico"), equalTo("PR"));
    assertThat(UsStates.toCode("gu"), equalTo("GU"));
    assertThat(UsStates.toCode("U.S. Virgin Islands"), equalTo("VI"));
    assertThat(UsStates.toCode("American Samoa"), equalTo("AS"));
    assertThat(UsStates.toCode("Northern Mariana Islands"), equalTo("MP"));
    assertThat(UsStates.toCode("AA"), equalTo("AA"));
    assertThat(UsStates.toCode("Armed Forces Europe"), equalTo("AE"));
    assertThat(UsStates.toCode("armed forces pacific"), equalTo("AP"));
  }

  @Test
  public void unknownTextIsNull() {
    assertThat(UsStates.toCode("XX"), nullValue());
    assertThat(UsStates.toCode("Ontario"), nullValue());
    assertThat(UsStates.toCode("N1Y"), nullValue());
    assertThat(UsStates.toCode(""), nullValue());
    assertThat(UsStates.toCode(null), nullValue());
  }
}
