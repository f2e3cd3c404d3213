package io.carelake.transforms.extract;

/** The text of one CSV record as cut from its file, before its fields are parsed. */
final class RawCsvRecord {
  enum Ending {
    /** Ended by a line break outside quotes, or by the end of the file. */
    COMPLETE,
    /** Longer than the limit; the text is cut at the limit and the rest of its last line skipped. */
    TOO_LARGE,
    /** The file ended inside a quoted field. */
    UNTERMINATED_QUOTE
  }

  private final long lineNumber;
  private final long startChar;
  private final String text;
  private final Ending ending;

  RawCsvRecord(long lineNumber, long startChar, String text, Ending ending) {
    this.lineNumber = lineNumber;
    this.startChar = startChar;
    this.text = text;
    this.ending = ending;
  }

  /** 1-based line of the record's first physical line. */
  long lineNumber() {
    return lineNumber;
  }

  /** 0-based offset in the file's characters of the record's first character. */
  long startChar() {
    return startChar;
  }

  /** The record's text without its line terminator; quoted line breaks are kept as delivered. */
  String text() {
    return text;
  }

  Ending ending() {
    return ending;
  }
}
