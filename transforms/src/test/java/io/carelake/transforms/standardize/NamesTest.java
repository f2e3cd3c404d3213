package io.carelake.transforms.standardize;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.sameInstance;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class NamesTest {
  @Test
  public void trimsAndCollapsesWhitespaceKeepingCase() {
    assertThat(Names.normalize("  Mary   Ann  "), equalTo("Mary Ann"));
    assertThat(Names.normalize("de\tla \n Cruz"), equalTo("de la Cruz"));
    assertThat(Names.normalize("O'Brien\u00a0 McDonald"), equalTo("O'Brien McDonald"));
  }

  @Test
  public void cleanNameIsReturnedAsIs() {
    String name = "Mary Ann";
    assertThat(Names.normalize(name), sameInstance(name));
  }

  @Test
  public void blankIsNull() {
    assertThat(Names.normalize(" \t "), nullValue());
    assertThat(Names.normalize(""), nullValue());
    assertThat(Names.normalize(null), nullValue());
  }
}
