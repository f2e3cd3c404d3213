package io.carelake.pipelines;

import io.carelake.pipelines.members.ConfigException;
import io.carelake.transforms.tables.Lake;
import java.util.UUID;
import org.joda.time.Instant;

/**
 * What every pipeline checks first about a run: its lake and catalog, and its run id, given or made, which
 * must be new to the lake's audit table (a run id names what a run appends; reusing one would mix two runs'
 * rows, and a retry would skip every file the first attempt audited).
 */
public record RunStart(Lake lake, String runId, Instant startedAt) {

  /**
   * @param pipeline the pipeline's name, which starts a made run id
   * @param auditDataset the audit table whose commits name the runs so far
   */
  public static RunStart of(String pipeline, LakeOptions lakeOptions, String givenRunId, String auditDataset) {
    Instant startedAt = Instant.now();
    String runId = givenRunId.isBlank() ? pipeline + "-" + startedAt.toString().replaceAll("[^0-9]", "").substring(0, 14)
        + "-" + UUID.randomUUID().toString().substring(0, 8) : givenRunId.strip();
    if (!runId.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new ConfigException("--runId: use letters, digits, '.', '_' or '-' (it becomes part of paths)");
    }
    Lake lake;
    try {
      lake = Lake.at(lakeOptions.getLake(), lakeOptions.getCatalog());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--catalog: " + e.getMessage(), e);
    }
    if (lake.audit(auditDataset).hasCommitsOfRun(runId)) {
      throw new ConfigException("--runId: run " + runId + " already wrote to this lake; use a new run id");
    }
    return new RunStart(lake, runId, startedAt);
  }
}
