package io.carelake.schemas;

import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.schemas.SchemaCoder;
import org.apache.beam.sdk.schemas.SchemaRegistry;

/** The coder of a record type: its Beam schema, deterministic, the same on every runner. */
public final class SchemaCoders {
  private static final SchemaRegistry REGISTRY = SchemaRegistry.createDefault();

  private SchemaCoders() {}

  public static <T> SchemaCoder<T> of(Class<T> type) {
    try {
      return REGISTRY.getSchemaCoder(type);
    } catch (NoSuchSchemaException e) {
      throw new IllegalArgumentException(type.getName() + " has no @DefaultSchema", e);
    }
  }
}
