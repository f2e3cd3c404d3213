package io.carelake.pipelines.staffing;

import io.carelake.transforms.tables.Lake;
import org.joda.time.Instant;

/**
 * A checked staffing run: where the lake and the landing files are, the run's id and start, the header
 * names of the files' columns, how files are read, and how rows that come out of groupings are written.
 */
public record StaffingConfig(Lake lake, String landingDir, String runId, Instant runStartedAt, StaffingColumns columns,
    boolean reprocess, long readSplitBytes, int writeShards) {}
