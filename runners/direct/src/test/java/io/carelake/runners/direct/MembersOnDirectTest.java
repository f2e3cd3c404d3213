package io.carelake.runners.direct;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.carelake.pipelines.conformance.LakeDump;
import io.carelake.pipelines.conformance.MembersConformance;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * The fast configuration the Direct runner jar recommends for real runs (no immutability or
 * encodability checks) writes the same tables as the fully checked one used by tests.
 */
@RunWith(JUnit4.class)
public class MembersOnDirectTest {
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void uncheckedDirectWritesTheSameTablesAsChecked() throws Exception {
    LakeDump checked = MembersConformance.run(temp.newFolder("checked").toPath(), "--runner=DirectRunner");
    LakeDump fast = MembersConformance.run(temp.newFolder("fast").toPath(), "--runner=DirectRunner",
        "--enforceImmutability=false", "--enforceEncodability=false", "--targetParallelism=2");
    assertThat(fast.tables(), equalTo(checked.tables()));
  }
}
