package io.carelake.transforms.standardize;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertThrows;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class TokenizerTest {
  static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(UTF_8);
  private static final byte[] OTHER_KEY = "0123456789abcdef0123456789abcdeF".getBytes(UTF_8);

  // Expected values computed outside Java: HMAC-SHA256(key, len(domain) as 4 big-endian bytes + domain + value).
  @Test
  public void tokenIsPrefixedHexHmacOfDomainAndValue() {
    assertThat(Tokenizer.withKey(KEY).token("member_id", "M001"),
        equalTo("tok_46c50597a3d3fa6bd6d1ccf6a74f8982af7c966d9a5d0ce14ea7d689ee168d88"));
  }

  @Test
  public void sameValueGivesSameTokenAcrossCallsAndInstances() {
    Tokenizer tokenizer = Tokenizer.withKey(KEY);
    String first = tokenizer.token("phone", "+14025550134");
    assertThat(tokenizer.token("phone", "+14025550134"), equalTo(first));
    assertThat(Tokenizer.withKey(KEY).token("phone", "+14025550134"), equalTo(first));
    assertThat(first, equalTo("tok_f6a81aa04c320592acaed69b7d21c705cf1bef905ec70ba53a1f40af7fe6fe3b"));
  }

  @Test
  public void differentKeyGivesDifferentToken() {
    assertThat(Tokenizer.withKey(OTHER_KEY).token("member_id", "M001"),
        equalTo("tok_c1e800a509bf7b6741700543afb5ecf397f04a741f25d6cec65532412c1919d9"));
    assertThat(Tokenizer.withKey(OTHER_KEY).token("member_id", "M001"),
        not(equalTo(Tokenizer.withKey(KEY).token("member_id", "M001"))));
  }

  @Test
  public void equalValuesInDifferentColumnsDoNotLink() {
    Tokenizer tokenizer = Tokenizer.withKey(KEY);
    assertThat(tokenizer.token("member_id", "+14025550134"),
        equalTo("tok_5d72834b73091feb497faab4b89cf28a84bab7fb5136a6665092021b89a6d1c5"));
    assertThat(tokenizer.token("member_id", "+14025550134"),
        not(equalTo(tokenizer.token("phone", "+14025550134"))));
  }

  @Test
  public void domainAndValueBoundaryIsUnambiguous() {
    Tokenizer tokenizer = Tokenizer.withKey(KEY);
    assertThat(tokenizer.token("ab", "c"), not(equalTo(tokenizer.token("a", "bc"))));
  }

  @Test
  public void shortKeyIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> Tokenizer.withKey(new byte[31]));
  }
}
