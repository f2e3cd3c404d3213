package io.carelake.transforms.validate;

import io.carelake.schemas.BadRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;

/** The one coder of bad-record envelopes: their Beam schema. */
public final class BadRecords {
  private BadRecords() {}

  public static Coder<BadRecord> coder(Pipeline pipeline) {
    try {
      return pipeline.getSchemaRegistry().getSchemaCoder(BadRecord.class);
    } catch (NoSuchSchemaException e) {
      throw new IllegalStateException("BadRecord has a @DefaultSchema", e);
    }
  }
}
