package io.carelake.transforms.tables;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;

/**
 * What one writer wrote for one window of one bundle: the metadata of its data and delete files, not
 * their rows. This is all that travels from the writers to the commit step.
 */
record WrittenFiles(List<DataFile> dataFiles, List<DeleteFile> deleteFiles) implements Serializable {
  WrittenFiles {
    dataFiles = new ArrayList<>(dataFiles);
    deleteFiles = new ArrayList<>(deleteFiles);
  }

  boolean isEmpty() {
    return dataFiles.isEmpty() && deleteFiles.isEmpty();
  }
}
