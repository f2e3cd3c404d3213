package io.carelake.transforms.extract;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;
import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkState;

import com.google.auto.value.AutoValue;
import io.carelake.schemas.FileProblem;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.SchemaCoders;
import io.carelake.transforms.validate.FailableResult;
import java.util.Set;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Accepts the landing files whose name follows the landing contract and whose client is configured,
 * with client id, delivery date and part filled in; every other file is rejected with the reason, so
 * the audit table shows why it was not loaded. Client ids are compared exactly (case matters).
 */
@AutoValue
public abstract class ClassifyLandingFiles extends PTransform<PCollection<LandingFile>, FailableResult<LandingFile, FileProblem>> {
  public static final String CLIENT_UNKNOWN = "client.unknown";

  abstract LandingContract contract();

  abstract @Nullable Set<String> knownClients();

  abstract Builder toBuilder();

  public static ClassifyLandingFiles against(LandingContract contract) {
    checkArgument(contract != null, "contract must not be null");
    return new AutoValue_ClassifyLandingFiles.Builder().setContract(contract).build();
  }

  /** The clients that have a configuration; a file of any other client is rejected. */
  public ClassifyLandingFiles withKnownClients(Set<String> knownClients) {
    checkArgument(knownClients != null, "knownClients must not be null");
    checkArgument(knownClients.stream().noneMatch(id -> id == null || id.isBlank()),
        "client ids must not be blank");
    return toBuilder().setKnownClients(Set.copyOf(knownClients)).build();
  }

  @Override
  public FailableResult<LandingFile, FileProblem> expand(PCollection<LandingFile> files) {
    // Without it every file would be rejected as unknown: almost certainly a wiring mistake.
    checkState(knownClients() != null, "call withKnownClients(...) before applying ClassifyLandingFiles");
    TupleTag<LandingFile> accepted = new TupleTag<>() {};
    TupleTag<FileProblem> rejected = new TupleTag<>() {};
    PCollectionTuple classified = files.apply("CheckNameAndClient",
        ParDo.of(new ClassifyFn(contract(), knownClients(), accepted, rejected))
            .withOutputTags(accepted, TupleTagList.of(rejected)));
    return FailableResult.of(
        classified.get(accepted).setCoder(SchemaCoders.of(LandingFile.class)),
        classified.get(rejected).setCoder(SchemaCoders.of(FileProblem.class)));
  }

  private static final class ClassifyFn extends DoFn<LandingFile, LandingFile> {
    private final LandingContract contract;
    private final Set<String> knownClients;
    private final TupleTag<LandingFile> accepted;
    private final TupleTag<FileProblem> rejected;
    private final Counter acceptedFiles = Metrics.counter(ClassifyLandingFiles.class, "files_accepted");
    private final Counter rejectedFiles = Metrics.counter(ClassifyLandingFiles.class, "files_rejected");

    ClassifyFn(LandingContract contract, Set<String> knownClients,
        TupleTag<LandingFile> accepted, TupleTag<FileProblem> rejected) {
      this.contract = contract;
      this.knownClients = knownClients;
      this.accepted = accepted;
      this.rejected = rejected;
    }

    @ProcessElement
    public void process(@Element LandingFile file, MultiOutputReceiver out) {
      ContractCheck check = contract.check(file);
      String rejection = check.isAccepted() && !knownClients.contains(check.file().getClientId())
          ? CLIENT_UNKNOWN + ": no configuration for client " + check.file().getClientId()
          : check.rejection();
      if (rejection == null) {
        acceptedFiles.inc();
        out.get(accepted).output(check.file());
      } else {
        rejectedFiles.inc();
        out.get(rejected).output(FileProblem.rejected(file, rejection));
      }
    }
  }

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setContract(LandingContract contract);

    abstract Builder setKnownClients(Set<String> knownClients);

    abstract ClassifyLandingFiles build();
  }
}
