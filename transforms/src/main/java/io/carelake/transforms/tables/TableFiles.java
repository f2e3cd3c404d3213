package io.carelake.transforms.tables;

import java.io.Serializable;
import org.apache.beam.sdk.coders.Coder;

/**
 * The files one bundle wrote to a table in one window, by their metadata only: what travels from the
 * steps that write a table to the step that commits it ({@link WriteTable#committing}).
 */
public final class TableFiles implements Serializable {
  private static final long serialVersionUID = 1L;

  private final WrittenFiles files;

  TableFiles(WrittenFiles files) {
    this.files = files;
  }

  WrittenFiles files() {
    return files;
  }

  /** The coder of table files: Java serialisation of Iceberg's file metadata, compared by encoding. */
  public static Coder<TableFiles> coder() {
    return JavaSerializedCoder.of(TableFiles.class);
  }
}
