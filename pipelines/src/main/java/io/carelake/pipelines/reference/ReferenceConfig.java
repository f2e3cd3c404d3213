package io.carelake.pipelines.reference;

import io.carelake.pipelines.LandingWatch;
import io.carelake.transforms.tables.Lake;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * A checked reference run: where the lake and the landing files are, the run's id and start, the provider
 * and code rules, what to fetch first (null: nothing), how files are read, how rows that come out of groupings are written, and, for a streaming run, how
 * the landing zone is watched (null: batch).
 */
public record ReferenceConfig(Lake lake, String landingDir, String runId, Instant runStartedAt, ProviderRules rules,
    CodeRules codeRules, @Nullable ReferenceSources sources, boolean reprocess, long readSplitBytes, int writeShards,
    @Nullable LandingWatch watch) {}
