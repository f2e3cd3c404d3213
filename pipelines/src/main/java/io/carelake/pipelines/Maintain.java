package io.carelake.pipelines;

import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.LakeTable;
import io.carelake.transforms.tables.TableMaintenance;
import java.time.Duration;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Maintains the tables of a lake: rewrites small files and applies deletes (compaction), expires old
 * snapshots, removes files that no snapshot names. Safe beside running pipelines; run it on a schedule
 * (the README gives one): {@code maintain --lake=DIR [--table=ZONE/NAME] [--expireAfterDays=7]
 * [--retainLast=20] [--orphansAfterHours=72]}.
 */
final class Maintain {
  private static final String USAGE = "usage: maintain --lake=DIR [--table=ZONE/NAME (default: every table)]"
      + " [--expireAfterDays=7] [--retainLast=20] [--orphansAfterHours=72] [--catalog=PROPERTIES]";

  private Maintain() {}

  static void main(String[] argv) {
    Args args = Args.parse(argv, List.of("lake", "table", "expireAfterDays", "retainLast", "orphansAfterHours",
        "catalog"));
    if (args.get("lake", "").isEmpty() || !args.passOn().isEmpty()) {
      System.err.println(USAGE);
      System.exit(2);
    }
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
    Lake lake = Lake.at(args.get("lake", ""), args.get("catalog", ""));
    List<LakeTable> tables = args.get("table", "").isEmpty() ? lake.tables() : List.of(lake.table(args.get("table", "")));
    Duration expireAfter = Duration.ofDays(args.getLong("expireAfterDays", 7));
    int retainLast = (int) args.getLong("retainLast", 20);
    Duration orphansAfter = Duration.ofHours(args.getLong("orphansAfterHours", 72));
    for (LakeTable table : tables) {
      TableMaintenance.Report compacted = TableMaintenance.compact(table);
      int expired = TableMaintenance.expireSnapshots(table, expireAfter, retainLast);
      int orphans = TableMaintenance.removeOrphanFiles(table, orphansAfter);
      System.out.printf("%-24s compacted %d partition(s): %d data and %d delete file(s) into %d; expired %d"
              + " snapshot(s); removed %d orphan file(s)%n", table, compacted.partitionsRewritten(),
          compacted.dataFilesRewritten(), compacted.deleteFilesRemoved(), compacted.dataFilesWritten(), expired, orphans);
    }
  }
}
