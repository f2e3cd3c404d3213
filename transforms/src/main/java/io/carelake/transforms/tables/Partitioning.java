package io.carelake.transforms.tables;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import java.io.Serializable;
import java.util.List;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;

/**
 * How a table's rows are split into partitions, given when a writer first creates the table: by a
 * column's value (a client), by the day of a timestamp (the run date of an append-only table), or not at
 * all. Readers that filter on the column read only the partitions they need.
 */
public final class Partitioning implements Serializable {
  private static final long serialVersionUID = 1L;

  private enum Transform { IDENTITY, DAY }

  private final List<Transform> transforms;
  private final List<String> columns;

  private Partitioning(List<Transform> transforms, List<String> columns) {
    this.transforms = transforms;
    this.columns = columns;
  }

  public static Partitioning none() {
    return new Partitioning(List.of(), List.of());
  }

  /** One partition per value of {@code column}, such as one per client. */
  public static Partitioning byValueOf(String column) {
    return new Partitioning(List.of(Transform.IDENTITY), List.of(checkColumn(column)));
  }

  /** One partition per UTC day of the timestamp or date {@code column}. */
  public static Partitioning byDayOf(String column) {
    return new Partitioning(List.of(Transform.DAY), List.of(checkColumn(column)));
  }

  private static String checkColumn(String column) {
    checkArgument(column != null && !column.isBlank(), "partition column must not be blank");
    return column;
  }

  PartitionSpec toSpec(Schema schema) {
    PartitionSpec.Builder spec = PartitionSpec.builderFor(schema);
    for (int i = 0; i < columns.size(); i++) {
      checkArgument(schema.findField(columns.get(i)) != null, "partition column %s is not in the table", columns.get(i));
      if (transforms.get(i) == Transform.IDENTITY) {
        spec.identity(columns.get(i));
      } else {
        spec.day(columns.get(i));
      }
    }
    return spec.build();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(transforms.get(i).name().toLowerCase(java.util.Locale.ROOT))
          .append('(').append(columns.get(i)).append(')');
    }
    return columns.isEmpty() ? "unpartitioned" : text.toString();
  }
}
