package io.carelake.transforms.extract.api;

import io.carelake.schemas.LandingFile;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Where a request lands: {@code <source>_<YYYYMMDD>_<index>.jsonl} in the landing directory, written
 * first under {@code _fetching/} (a folder, so that a landing-zone pattern such as {@code landing/*} never
 * sees a partial file) with the run id in its name.
 */
record LandingTarget(String landingDirectory, String runId, LocalDate deliveryDate) implements Serializable {
  static final String IN_PROGRESS_FOLDER = "_fetching";

  String fileName(FetchRequest request) {
    return request.getSource() + "_" + deliveryDate.format(DateTimeFormatter.BASIC_ISO_DATE) + "_"
        + request.getIndex() + ".jsonl";
  }

  ResourceId finalFile(FetchRequest request) {
    return directory().resolve(fileName(request), StandardResolveOptions.RESOLVE_FILE);
  }

  ResourceId inProgressFile(FetchRequest request) {
    return directory()
        .resolve(IN_PROGRESS_FOLDER, StandardResolveOptions.RESOLVE_DIRECTORY)
        .resolve(runId + "-" + fileName(request), StandardResolveOptions.RESOLVE_FILE);
  }

  /** The landing file a request stands for, of the given size (0 for one that did not land). */
  LandingFile landingFile(FetchRequest request, long sizeBytes) {
    return LandingFile.builder()
        .setPath(finalFile(request).toString())
        .setName(fileName(request))
        .setSizeBytes(sizeBytes)
        .setClientId(request.getSource())
        .setDeliveryDate(deliveryDate.toString())
        .setPart(request.getIndex())
        .build();
  }

  private ResourceId directory() {
    return FileSystems.matchNewResource(landingDirectory, true);
  }
}
