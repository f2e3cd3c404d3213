package io.carelake.transforms.standardize;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class PhonesTest {
  @Test
  public void usSpellingsOfOneNumberGiveOneE164() {
    assertThat(Phones.toE164("(402) 555-0134", "US"), equalTo("+14025550134"));
    assertThat(Phones.toE164("402.555.0134", "US"), equalTo("+14025550134"));
    assertThat(Phones.toE164("+1 402 555 0134", "US"), equalTo("+14025550134"));
    assertThat(Phones.toE164("1-402-555-0134", "US"), equalTo("+14025550134"));
    assertThat(Phones.toE164(" 4025550134 ", "US"), equalTo("+14025550134"));
  }

  @Test
  public void extensionIsDropped() {
    assertThat(Phones.toE164("402-555-0134 ext. 12", "US"), equalTo("+14025550134"));
  }

  @Test
  public void internationalNumberKeepsItsCountryCode() {
    assertThat(Phones.toE164("+44 20 7946 0958", "US"), equalTo("+442079460958"));
  }

  @Test
  public void localNumberWithoutAreaCodeIsRejected() {
    assertThat(Phones.toE164("555-0134", "US"), nullValue());
    assertThat(Phones.isValid("555-0134", "US"), is(false));
  }

  @Test
  public void textThatIsNotANumberIsRejected() {
    assertThat(Phones.toE164("call me", "US"), nullValue());
    assertThat(Phones.toE164("N/A", "US"), nullValue());
    assertThat(Phones.toE164("(402) 555-0134abc", "US"), nullValue());
    assertThat(Phones.toE164("", "US"), nullValue());
    assertThat(Phones.toE164(null, "US"), nullValue());
    assertThat(Phones.toE164("402-555-013", "US"), nullValue());
    assertThat(Phones.toE164("000-000-0000", "US"), nullValue());
  }

  @Test
  public void vanityLettersAreKeypadDigits() {
    assertThat(Phones.toE164("1-800-FLOWERS", "US"), equalTo("+18003569377"));
  }

  @Test
  public void isValidAgreesWithToE164() {
    assertThat(Phones.isValid("(402) 555-0134", "US"), is(true));
    assertThat(Phones.isValid("call me", "US"), is(false));
    assertThat(Phones.isValid(null, "US"), is(false));
  }
}
