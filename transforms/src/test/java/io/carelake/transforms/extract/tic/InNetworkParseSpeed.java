package io.carelake.transforms.extract.tic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Speed harness (not a test): times raw Jackson tokenisation ({@code nextToken()} to the end) against
 * {@link InNetworkFileParser} over the same uncompressed file, on one thread, and prints MB/s of both and the
 * ratio; for a gzipped input it also times the parser reading the gzip itself.
 *
 * <pre>
 * mvn -B -o -q test-compile -pl transforms
 * mvn -B -o -q dependency:build-classpath -pl transforms -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx1g -cp transforms/target/classes:transforms/target/test-classes:$(cat /tmp/cp.txt) \
 *   io.carelake.transforms.extract.tic.InNetworkParseSpeed FILE... | generate:MEGABYTES
 * </pre>
 */
public final class InNetworkParseSpeed {
  private static final JsonFactory JSON = new JsonFactory();
  private static final int RUNS = 3;

  private InNetworkParseSpeed() {}

  public static void main(String[] args) throws IOException {
    for (String arg : args) {
      if (arg.startsWith("generate:")) {
        long megabytes = Long.parseLong(arg.substring("generate:".length()));
        Path file = Files.createTempFile("in-network-", ".json");
        try {
          try (OutputStream out = Files.newOutputStream(file)) {
            InNetworkFileGenerator.create().withTargetBytes(megabytes << 20).withProviderReferenceCount(5000)
                .withFloatGroupIds(true).write(out);
          }
          time("generated " + megabytes + " MB (v2, references first, float ids)", file, null);
        } finally {
          Files.delete(file);
        }
      } else {
        Path given = Path.of(arg);
        boolean gzip;
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(given))) {
          gzip = TicInput.isGzip(in);
        }
        if (!gzip) {
          time(given.getFileName().toString(), given, null);
          continue;
        }
        Path plain = Files.createTempFile("in-network-", ".json");
        try {
          try (InputStream in = TicInput.open(given)) {
            Files.copy(in, plain, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          }
          time(given.getFileName() + " (gunzipped)", plain, given);
        } finally {
          Files.delete(plain);
        }
      }
    }
  }

  private static void time(String label, Path plain, Path gzipped) throws IOException {
    double megabytes = Files.size(plain) / 1e6;
    long tokens = tokenise(plain);
    ParseSummary summary = parse(plain);
    double[] raw = new double[RUNS];
    double[] parsed = new double[RUNS];
    for (int run = 0; run < RUNS; run++) {
      long start = System.nanoTime();
      tokenise(plain);
      raw[run] = megabytes / ((System.nanoTime() - start) / 1e9);
      start = System.nanoTime();
      parse(plain);
      parsed[run] = megabytes / ((System.nanoTime() - start) / 1e9);
    }
    Arrays.sort(raw);
    Arrays.sort(parsed);
    double rawBest = raw[RUNS - 1];
    double parsedBest = parsed[RUNS - 1];
    System.out.printf("%s: %.1f MB, %,d tokens, %,d elements (%,d bad), %,d rows, %,d references%n", label, megabytes,
        tokens, summary.inNetworkElements(), summary.inNetworkBadElements(), summary.rateRows(),
        summary.providerReferences());
    System.out.printf("  raw nextToken(): best %.0f MB/s (median %.0f)%n", rawBest, raw[RUNS / 2]);
    System.out.printf("  parser:          best %.0f MB/s (median %.0f)%n", parsedBest, parsed[RUNS / 2]);
    System.out.printf("  ratio parser/raw: %.2f (best), %.2f (median)%n", parsedBest / rawBest,
        parsed[RUNS / 2] / raw[RUNS / 2]);
    if (gzipped != null) {
      long start = System.nanoTime();
      InNetworkFileParser.create().parse(gzipped, new CountingSink());
      System.out.printf("  parser reading the gzip itself: %.0f MB/s of uncompressed content%n",
          megabytes / ((System.nanoTime() - start) / 1e9));
    }
    Runtime runtime = Runtime.getRuntime();
    System.out.printf("  heap in use after the runs: %d MB (max %d MB)%n",
        (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
  }

  private static long tokenise(Path file) throws IOException {
    long tokens = 0;
    try (JsonParser parser = JSON.createParser(Files.newInputStream(file))) {
      while (parser.nextToken() != null) {
        tokens++;
      }
    }
    return tokens;
  }

  private static ParseSummary parse(Path file) throws IOException {
    CountingSink sink = new CountingSink();
    ParseSummary summary = InNetworkFileParser.create().parse(Files.newInputStream(file), sink);
    if (sink.rows != summary.rateRows()) {
      throw new IllegalStateException("rows handed out " + sink.rows + " != rows counted " + summary.rateRows());
    }
    return summary;
  }

  /** Touches each row, as the cheapest real consumer would. */
  private static final class CountingSink implements InNetworkSink {
    long rows;
    long checksum;

    @Override
    public void rate(NegotiatedRateRow row) {
      rows++;
      checksum += row.price().negotiatedRate().scale();
    }

    @Override
    public void providerReference(ProviderReference reference) {
      checksum += reference.providerGroups().size();
    }

    @Override
    public void badElement(BadElement bad) {
      checksum++;
    }
  }
}
