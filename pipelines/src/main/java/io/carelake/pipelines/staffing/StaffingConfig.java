package io.carelake.pipelines.staffing;

import io.carelake.pipelines.LandingWatch;
import io.carelake.transforms.tables.Lake;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * A checked staffing run: where the lake and the landing files are, the run's id and start, the header
 * names of the files' columns, how files are read, how rows that come out of groupings are written, where the
 * report goes, and, for a streaming run, how the landing zone is watched (null: batch).
 */
public record StaffingConfig(Lake lake, String landingDir, String runId, Instant runStartedAt, StaffingColumns columns,
    boolean reprocess, long readSplitBytes, int writeShards, String reportFile, @Nullable LandingWatch watch) {}
