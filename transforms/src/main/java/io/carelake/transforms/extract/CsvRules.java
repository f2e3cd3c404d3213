package io.carelake.transforms.extract;

/**
 * The rule ids of CSV records that cannot be read, and the codes of CSV files that cannot be read at all.
 * Reasons name the rule and counts, never values, so they are safe to show.
 */
public final class CsvRules {
  /** Record: a different number of fields than the header. */
  public static final String COLUMN_COUNT = "csv.column_count";
  /** Record: bytes that are not valid in the file's charset. */
  public static final String ENCODING = "csv.encoding";
  /** Record: longer than the configured limit. */
  public static final String RECORD_TOO_LARGE = "csv.record_too_large";
  /** Record: the file ends inside a quoted field. */
  public static final String UNTERMINATED_QUOTE = "csv.unterminated_quote";
  /** Record: not RFC 4180, e.g. text after a closing quote. */
  public static final String MALFORMED = "csv.malformed";

  /** File: no header record (empty, or only blank lines). */
  public static final String NO_HEADER = "csv.no_header";
  /** File: the header record itself breaks a record rule. */
  public static final String HEADER_MALFORMED = "csv.header_malformed";
  /** File: a header name is blank. */
  public static final String HEADER_BLANK = "csv.header_blank";
  /** File: a header name appears twice. */
  public static final String HEADER_DUPLICATE = "csv.header_duplicate";

  private CsvRules() {}
}
