package io.carelake.transforms.standardize;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class ZipsTest {
  @Test
  public void zip5() {
    assertThat(Zips.parse("68504"), equalTo(ZipCode.of("68504", null)));
    assertThat(Zips.parse(" 68504 "), equalTo(ZipCode.of("68504", null)));
  }

  @Test
  public void zipPlus4WithOrWithoutHyphen() {
    assertThat(Zips.parse("68504-1234"), equalTo(ZipCode.of("68504", "1234")));
    assertThat(Zips.parse("685041234"), equalTo(ZipCode.of("68504", "1234")));
  }

  @Test
  public void fourDigitsGetTheirLeadingZeroBack() {
    assertThat(Zips.parse("2134"), equalTo(ZipCode.of("02134", null)));
  }

  @Test
  public void otherShapesAreNull() {
    assertThat(Zips.parse("685"), nullValue());
    assertThat(Zips.parse("6850412"), nullValue());
    assertThat(Zips.parse("21341234"), nullValue());
    assertThat(Zips.parse("68504 1234"), nullValue());
    assertThat(Zips.parse("68504-12"), nullValue());
    assertThat(Zips.parse("6850A"), nullValue());
    assertThat(Zips.parse("K1A 0B1"), nullValue());
    assertThat(Zips.parse(""), nullValue());
    assertThat(Zips.parse(null), nullValue());
  }
}
