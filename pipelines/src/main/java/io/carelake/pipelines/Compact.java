package io.carelake.pipelines;

import io.carelake.schemas.Members;
import io.carelake.transforms.tables.ChangeFeed;
import io.carelake.transforms.tables.CommitRecord;
import io.carelake.transforms.tables.CommitTableVersion;
import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.ReadTable;
import io.carelake.transforms.tables.TableLog;
import io.carelake.transforms.tables.TablePath;
import io.carelake.transforms.tables.TableVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * Folds the changes streaming runs appended to a table into a new snapshot, so that readers stop
 * applying a growing log: {@code compact --lake=DIR --table=silver/members [runner options]}. A batch
 * run of the table's pipeline compacts as a side effect; this is for lakes fed only by streaming.
 *
 * <p>A compaction is a writer like any run: run it while no streaming job appends to the table (stop the
 * job, compact, start it again). Its commit fails without effect if it finds its version taken, but the
 * table read and that check are not one atomic step, and on Cloud Storage a rename is not atomic either.
 */
public final class Compact {
  /** The tables whose schema this command knows, by {@code zone/name}. */
  static final Map<String, Schema> TABLES = Map.of("silver/members", Members.SILVER);

  private Compact() {}

  static void main(String[] argv) {
    Args args = Args.parse(argv, List.of("lake", "table"));
    String lakeRoot = args.get("lake", "");
    String table = args.get("table", "");
    if (lakeRoot.isEmpty() || !TABLES.containsKey(table)) {
      System.err.println("usage: compact --lake=DIR --table=ZONE/NAME [runner options]; tables: " + TABLES.keySet());
      System.exit(2);
    }
    PipelineOptions options = PipelineOptionsFactory.fromArgs(args.passOn().toArray(String[]::new)).create();
    Optional<Long> version = compact(Lake.at(lakeRoot), table, options);
    System.out.println(version.map(v -> table + ": compacted into version " + v)
        .orElse(table + ": no changes appended since the last snapshot, nothing to do"));
  }

  /** Compacts {@code table} ({@code zone/name}); the new version, or empty when there was nothing to fold. */
  public static Optional<Long> compact(Lake lake, String table, PipelineOptions options) {
    FileSystems.setDefaultPipelineOptions(options);
    int slash = table.indexOf('/');
    TablePath path = lake.table(table.substring(0, slash), table.substring(slash + 1));
    Schema schema = TABLES.get(table);
    Optional<CommitRecord> latest = TableLog.of(path).latest();
    if (latest.isEmpty() || latest.get().hasSnapshot()) {
      return Optional.empty();
    }
    String runId = "compact-" + Instant.now().toString().replaceAll("[^0-9]", "").substring(0, 14) + "-"
        + UUID.randomUUID().toString().substring(0, 8);
    Pipeline pipeline = Pipeline.create(options);
    PCollection<Row> current = pipeline.apply("ReadCurrent", ReadTable.current(path, schema));
    PCollection<Row> noChanges = pipeline.apply("NoChanges", Create.empty(RowCoder.of(ChangeFeed.schemaOf(schema))));
    long version = TableVersion.of(current, noChanges)
        .apply("CommitCompacted", CommitTableVersion.to(path, runId).withOperation("compact"))
        .version();
    pipeline.run().waitUntilFinish();
    return Optional.of(version);
  }
}
