package io.carelake.transforms.extract.tic;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class TicDatesTest {
  @Test
  public void isoDatesStayAsTheyAre() {
    assertThat(TicDates.toIso("2022-01-01"), equalTo("2022-01-01"));
    assertThat(TicDates.toIso("9999-12-31"), equalTo("9999-12-31"));
  }

  @Test
  public void usDatesAndTimestampsBecomeIso() {
    assertThat(TicDates.toIso("10/25/2022"), equalTo("2022-10-25"));
    assertThat(TicDates.toIso("1/5/2023"), equalTo("2023-01-05"));
    assertThat(TicDates.toIso("2022/10/25"), equalTo("2022-10-25"));
    assertThat(TicDates.toIso("2022-10-25T00:00:00Z"), equalTo("2022-10-25"));
  }

  @Test
  public void impossibleOrUnknownDatesAreNull() {
    assertThat(TicDates.toIso("9999-99-99"), nullValue());
    assertThat(TicDates.toIso("02/30/2023"), nullValue());
    assertThat(TicDates.toIso("11-10-2022"), nullValue());
    assertThat(TicDates.toIso("soon"), nullValue());
    assertThat(TicDates.toIso(""), nullValue());
    assertThat(TicDates.toIso(null), nullValue());
  }
}
