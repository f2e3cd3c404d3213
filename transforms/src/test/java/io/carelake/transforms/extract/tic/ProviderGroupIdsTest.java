package io.carelake.transforms.extract.tic;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class ProviderGroupIdsTest {
  @Test
  public void floatIdsAreComparedAsNumbers() {
    assertThat(ProviderGroupIds.normalise("690.64470"), equalTo("690.6447"));
    assertThat(ProviderGroupIds.normalise("690.6447"), equalTo("690.6447"));
    assertThat(ProviderGroupIds.normalise("6.906447E2"), equalTo("690.6447"));
    assertThat(ProviderGroupIds.normalise("12.0"), equalTo("12"));
    assertThat(ProviderGroupIds.normalise("1200.00"), equalTo("1200"));
  }

  @Test
  public void integerIdsStayAsTheyAre() {
    assertThat(ProviderGroupIds.normalise("0"), equalTo("0"));
    assertThat(ProviderGroupIds.normalise("1200"), equalTo("1200"));
    assertThat(ProviderGroupIds.normalise("123456789012345678901234"), equalTo("123456789012345678901234"));
  }

  @Test(expected = NumberFormatException.class)
  public void textThatIsNotANumberIsRefused() {
    ProviderGroupIds.normalise("group-7");
  }
}
