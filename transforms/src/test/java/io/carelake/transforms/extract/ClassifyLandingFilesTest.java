package io.carelake.transforms.extract;

import io.carelake.schemas.FileProblem;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.SchemaCoders;
import io.carelake.transforms.validate.FailableResult;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.ExpectedException;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class ClassifyLandingFilesTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final transient ExpectedException thrown = ExpectedException.none();

  private static LandingFile listed(String name) {
    return LandingFile.builder().setPath("/lake/landing/" + name).setName(name).setSizeBytes(100).build();
  }

  private PCollection<LandingFile> delivered(LandingFile... files) {
    return p.apply(Create.of(List.of(files))
        .withCoder(SchemaCoders.of(LandingFile.class)));
  }

  @Test
  public void acceptsContractNamesOfKnownClientsAndRejectsTheRestWithTheReason() {
    LandingFile acme = listed("acme_20250131.csv");
    LandingFile northWestPart = listed("north_west_2025-01-31_2.csv.gz");
    LandingFile badDate = listed("acme_20250230.csv");
    LandingFile wrongExtension = listed("acme_20250131.xlsx");
    LandingFile unknownClient = listed("globex_20250131.csv");

    FailableResult<LandingFile, FileProblem> result = delivered(acme, northWestPart, badDate, wrongExtension, unknownClient)
        .apply(ClassifyLandingFiles.against(LandingContract.standard())
            .withKnownClients(Set.of("acme", "north_west")));

    PAssert.that(result.output()).containsInAnyOrder(
        acme.toBuilder().setClientId("acme").setDeliveryDate("2025-01-31").setPart(0).build(),
        northWestPart.toBuilder().setClientId("north_west").setDeliveryDate("2025-01-31").setPart(2).build());
    PAssert.that(result.failures()).containsInAnyOrder(
        FileProblem.rejected(badDate, "name.date: not a calendar date"),
        FileProblem.rejected(wrongExtension, "name.extension: expected .csv or .csv.gz"),
        FileProblem.rejected(unknownClient, "client.unknown: no configuration for client globex"));
    p.run();
  }

  @Test
  public void clientIdsAreMatchedExactly() {
    LandingFile upperCase = listed("ACME_20250131.csv");

    FailableResult<LandingFile, FileProblem> result = delivered(upperCase)
        .apply(ClassifyLandingFiles.against(LandingContract.standard()).withKnownClients(Set.of("acme")));

    PAssert.that(result.output()).empty();
    PAssert.that(result.failures()).containsInAnyOrder(
        FileProblem.rejected(upperCase, "client.unknown: no configuration for client ACME"));
    p.run();
  }

  @Test
  public void knownClientsMustBeConfigured() {
    PCollection<LandingFile> files = delivered(listed("acme_20250131.csv"));
    p.enableAbandonedNodeEnforcement(false);

    thrown.expect(IllegalStateException.class);
    thrown.expectMessage("withKnownClients");
    files.apply(ClassifyLandingFiles.against(LandingContract.standard()));
  }
}
