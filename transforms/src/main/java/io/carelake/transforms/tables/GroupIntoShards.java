package io.carelake.transforms.tables;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Rows grouped into a fixed number of shards by their hash. A shuffle, which writes otherwise avoid: it is
 * for rows that come out of a grouping in a bundle per key (the Direct runner), where work done per bundle,
 * such as writing a file, would be done once per key.
 */
public final class GroupIntoShards extends PTransform<PCollection<Row>, PCollection<KV<Integer, Iterable<Row>>>> {
  private final int shards;

  private GroupIntoShards(int shards) {
    this.shards = shards;
  }

  public static GroupIntoShards of(int shards) {
    checkArgument(shards > 0, "shards must be positive");
    return new GroupIntoShards(shards);
  }

  @Override
  public PCollection<KV<Integer, Iterable<Row>>> expand(PCollection<Row> rows) {
    checkArgument(rows.hasSchema(), "rows grouped into shards must have a schema");
    int shardCount = shards;
    return rows
        .apply("KeyByShard", WithKeys.of((Row row) -> Math.floorMod(row.hashCode(), shardCount))
            .withKeyType(TypeDescriptors.integers()))
        .setCoder(KvCoder.of(VarIntCoder.of(), RowCoder.of(rows.getSchema())))
        .apply("GroupShards", GroupByKey.create());
  }
}
