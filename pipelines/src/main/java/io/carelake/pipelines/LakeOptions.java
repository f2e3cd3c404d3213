package io.carelake.pipelines;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** Where a pipeline's lake is, and the Iceberg catalog of its tables: shared by every pipeline. */
public interface LakeOptions extends PipelineOptions {
  @Description("Root of the lake: a local folder or any Beam filesystem path (gs://bucket/lake).")
  @Validation.Required
  String getLake();

  void setLake(String value);

  @Description("Iceberg catalog of the lake's tables. Empty: the embedded catalog under the lake root (local or "
      + "shared filesystems). Otherwise Iceberg catalog properties, inline (type=jdbc,uri=jdbc:postgresql://host/db) "
      + "or, when they hold credentials, the path of a properties file or a gcpsecret: Secret Manager version. A "
      + "gs:// lake needs a catalog with atomic commits (jdbc, rest).")
  @Default.String("")
  String getCatalog();

  void setCatalog(String value);
}
