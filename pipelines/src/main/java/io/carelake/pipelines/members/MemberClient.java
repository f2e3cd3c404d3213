package io.carelake.pipelines.members;

import io.carelake.schemas.SourceRecord;
import io.carelake.transforms.standardize.Dates;
import io.carelake.transforms.standardize.PiiPolicy;
import io.carelake.transforms.validate.Rule;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** A client's configuration, checked and compiled: what the pipeline's steps use on every row. */
public record MemberClient(
    String clientId,
    /** Canonical column to the client's header. */
    Map<String, String> headerOf,
    Dates dates,
    String phoneRegion,
    List<Rule<SourceRecord>> rules,
    PiiPolicy piiPolicy,
    double invalidRatioThreshold) implements Serializable {}
