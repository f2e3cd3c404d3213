package io.carelake.transforms.extract;

import io.carelake.schemas.LandingFile;
import io.carelake.schemas.Violation;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads one CSV landing file (RFC 4180, gzip by its magic bytes): its header first, then each record,
 * handing every record to a {@link Records} as values aligned with the header, or as a bad record with
 * every CSV rule it broke. Plain Java: {@link ReadCsvRecords} reads with it, and so can a step that does
 * more with each record than emit it.
 */
public final class CsvFileReader {
  private static final char REPLACEMENT_CHARACTER = '\uFFFD';

  private final char delimiter;
  private final Charset charset;
  private final int maxRecordChars;
  private final CsvFieldParser fieldParser;

  /** What a reader does with each record of a file. */
  public interface Records {
    /** A record that parsed into one value per header column: {@code values} may be reused after the call. */
    void record(long lineNumber, List<String> header, List<String> values, String text);

    /** A record that breaks CSV rules ({@link CsvRules}): never its values, only why and where. */
    void badRecord(long lineNumber, List<Violation> violations, String text);
  }

  public CsvFileReader(char delimiter, Charset charset, int maxRecordChars) {
    this.delimiter = delimiter;
    this.charset = charset;
    this.maxRecordChars = maxRecordChars;
    this.fieldParser = new CsvFieldParser(delimiter);
  }

  /**
   * Reads {@code file}, handing its records to {@code records} in file order.
   *
   * @return null when the file was read to its end; otherwise why it could not be (a {@code code:
   *     explanation} of its header, or of an I/O failure, after which no more records come)
   */
  public @Nullable String read(LandingFile file, Records records) {
    return read(FileSplit.whole(file), records);
  }

  /**
   * Reads the records of one split of a file, in file order: the header, then the records that start in
   * the split's range, with their line numbers in the whole file. A file without a readable header gives
   * the same answer to every split.
   *
   * @return as {@link #read(LandingFile, Records)}
   */
  public @Nullable String read(FileSplit split, Records records) {
    LandingFile file = split.file();
    try (Reader text = LandingFileInput.openText(file, charset)) {
      CsvRecordSplitter splitter = new CsvRecordSplitter(text, delimiter, maxRecordChars);
      List<String> header = new ArrayList<>();
      String headerProblem = readHeader(splitter.next(), header);
      if (headerProblem != null) {
        return headerProblem;
      }
      List<String> unmodifiableHeader = List.copyOf(header);
      long from = split.firstChar();
      long end = split.endChar();
      for (RawCsvRecord raw = splitter.next(from); raw != null && raw.startChar() < end; raw = splitter.next(from)) {
        List<Violation> violations = new ArrayList<>(0);
        Optional<List<String>> values = parse(raw, violations);
        if (values.isPresent() && values.get().size() != header.size()) {
          violations.add(Violation.of(CsvRules.COLUMN_COUNT, null,
              "expected " + header.size() + " fields, found " + values.get().size()));
        }
        if (violations.isEmpty()) {
          records.record(raw.lineNumber(), unmodifiableHeader, values.get(), raw.text());
        } else {
          records.badRecord(raw.lineNumber(), violations, raw.text());
        }
      }
      return null;
    } catch (IOException e) {
      return LandingFileInput.describe(file, e);
    }
  }

  /** Fills {@code header} with the trimmed column names; returns why the file cannot be read by it, or null. */
  private @Nullable String readHeader(@Nullable RawCsvRecord record, List<String> header) {
    if (record == null) {
      return CsvRules.NO_HEADER + ": file has no header record";
    }
    List<Violation> violations = new ArrayList<>();
    Optional<List<String>> names = parse(record, violations);
    if (!violations.isEmpty()) {
      List<String> ids = new ArrayList<>();
      violations.forEach(violation -> ids.add(violation.getRuleId()));
      return CsvRules.HEADER_MALFORMED + ": header breaks " + String.join(", ", ids);
    }
    // Problems name column positions, not names: a file delivered without header has data there.
    Map<String, Integer> columns = new HashMap<>();
    for (String name : names.orElseThrow()) {
      String trimmed = name.trim();
      int column = header.size() + 1;
      if (trimmed.isEmpty()) {
        return CsvRules.HEADER_BLANK + ": column " + column + " has no name";
      }
      Integer first = columns.putIfAbsent(trimmed, column);
      if (first != null) {
        return CsvRules.HEADER_DUPLICATE + ": columns " + first + " and " + column + " have the same name";
      }
      header.add(trimmed);
    }
    return null;
  }

  /** The record's values, adding to {@code violations} every record rule its text breaks. */
  private Optional<List<String>> parse(RawCsvRecord raw, List<Violation> violations) {
    if (raw.text().indexOf(REPLACEMENT_CHARACTER) >= 0) {
      violations.add(Violation.of(CsvRules.ENCODING, null, "text is not valid " + charset.name()));
    }
    switch (raw.ending()) {
      case TOO_LARGE:
        violations.add(Violation.of(CsvRules.RECORD_TOO_LARGE, null,
            "record is longer than " + maxRecordChars + " characters"));
        return Optional.empty();
      case UNTERMINATED_QUOTE:
        violations.add(Violation.of(CsvRules.UNTERMINATED_QUOTE, null,
            "quoted field is not closed before the end of the file"));
        return Optional.empty();
      case COMPLETE:
        Optional<List<String>> values = fieldParser.parse(raw.text());
        if (values.isEmpty()) {
          violations.add(Violation.of(CsvRules.MALFORMED, null, "record is not valid RFC 4180 CSV"));
        }
        return values;
      default:
        throw new IllegalStateException("unknown record ending " + raw.ending());
    }
  }
}
