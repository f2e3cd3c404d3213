package io.carelake.transforms.standardize;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class EmailsTest {
  @Test
  public void normalizeTrimsAndLowerCases() {
    assertThat(Emails.normalize("  Ada.Lovelace@Example.COM "), equalTo("ada.lovelace@example.com"));
    assertThat(Emails.normalize("   "), nullValue());
    assertThat(Emails.normalize(null), nullValue());
  }

  @Test
  public void wellShapedAddressesAreValid() {
    assertThat(Emails.isValid("ada@example.com"), is(true));
    assertThat(Emails.isValid("a.b+c@mail.example.org"), is(true));
  }

  @Test
  public void malformedAddressesAreInvalid() {
    assertThat(Emails.isValid("ada.example.com"), is(false));
    assertThat(Emails.isValid("ada@@example.com"), is(false));
    assertThat(Emails.isValid("ada@home@example.com"), is(false));
    assertThat(Emails.isValid("@example.com"), is(false));
    assertThat(Emails.isValid("ada@localhost"), is(false));
    assertThat(Emails.isValid("ada@.com"), is(false));
    assertThat(Emails.isValid("ada@example."), is(false));
    assertThat(Emails.isValid("ada lovelace@example.com"), is(false));
    assertThat(Emails.isValid(""), is(false));
    assertThat(Emails.isValid(null), is(false));
  }
}
