package io.carelake.transforms.standardize;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.Assert.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class DatesTest {
  private final Dates dates = Dates.of("yyyy-MM-dd", "MM/dd/yyyy", "yyyyMMdd", "dd-MMM-yyyy");

  @Test
  public void eachPatternIsTriedInOrder() {
    assertThat(dates.parse("1984-07-21"), equalTo(LocalDate.of(1984, 7, 21)));
    assertThat(dates.parse("07/21/1984"), equalTo(LocalDate.of(1984, 7, 21)));
    assertThat(dates.parse("19840721"), equalTo(LocalDate.of(1984, 7, 21)));
    assertThat(dates.parse("21-jul-1984"), equalTo(LocalDate.of(1984, 7, 21)));
    assertThat(dates.parse(" 1984-07-21 "), equalTo(LocalDate.of(1984, 7, 21)));
  }

  @Test
  public void isoOutputIsLocalDateToString() {
    assertThat(dates.parse("02/29/2024").toString(), equalTo("2024-02-29"));
  }

  @Test
  public void dateThatDoesNotExistIsRejected() {
    assertThat(dates.parse("2023-02-30"), nullValue());
    assertThat(dates.parse("02/30/2023"), nullValue());
    assertThat(dates.parse("2023-02-29"), nullValue());
    assertThat(dates.parse("2023-13-01"), nullValue());
  }

  @Test
  public void textInNoPatternIsRejected() {
    assertThat(dates.parse("1984-7-21"), nullValue());
    assertThat(dates.parse("1984-07-21T10:00"), nullValue());
    assertThat(dates.parse("yesterday"), nullValue());
    assertThat(dates.parse(""), nullValue());
    assertThat(dates.parse(null), nullValue());
  }

  @Test
  public void yearOfEraLettersBecomeProlepticYearUnlessThereIsAnEra() {
    assertThat(Dates.withProlepticYear("yyyy-MM-dd"), equalTo("uuuu-MM-dd"));
    assertThat(Dates.withProlepticYear("dd 'of year' yyyy"), equalTo("dd 'of year' uuuu"));
    assertThat(Dates.withProlepticYear("yyyy-MM-dd G"), equalTo("yyyy-MM-dd G"));
    assertThat(Dates.of("yyyy-MM-dd G").parse("1984-07-21 AD"), equalTo(LocalDate.of(1984, 7, 21)));
  }

  @Test
  public void invalidPatternFailsNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dates.of("yyyy-bb"));
    assertThat(e.getMessage(), containsString("'yyyy-bb'"));
  }

  @Test
  public void survivesSerialization() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(dates);
    }
    Dates copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (Dates) in.readObject();
    }
    assertThat(copy.patterns(), equalTo(List.of("yyyy-MM-dd", "MM/dd/yyyy", "yyyyMMdd", "dd-MMM-yyyy")));
    assertThat(copy.parse("07/21/1984"), equalTo(LocalDate.of(1984, 7, 21)));
  }
}
