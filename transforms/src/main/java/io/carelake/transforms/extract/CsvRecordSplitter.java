package io.carelake.transforms.extract;

import java.io.IOException;
import java.io.Reader;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Cuts CSV text into records while streaming it, following RFC 4180 quotes so that a line break inside
 * a quoted field stays in its record. It keeps each record's original text and first line, which a
 * CSV parser alone does not give back. Line breaks are CRLF, LF or a lone CR; completely empty lines
 * are skipped; a leading byte order mark is dropped.
 *
 * <p>A quote opens a quoted field only at the start of a field, as in Jackson's CSV parser, which later
 * parses each record's fields: both must agree on where a record ends.
 */
final class CsvRecordSplitter {
  private static final int END = -1;
  private static final char QUOTE = '"';
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

  private final Reader reader;
  private final char delimiter;
  private final int maxRecordChars;
  private final char[] buffer = new char[8192];
  private int position;
  private int limit;
  private long nextLine = 1;
  private boolean atFileStart = true;

  CsvRecordSplitter(Reader reader, char delimiter, int maxRecordChars) {
    this.reader = reader;
    this.delimiter = delimiter;
    this.maxRecordChars = maxRecordChars;
  }

  /** The next record, or null at the end of the text. */
  @Nullable
  RawCsvRecord next() throws IOException {
    if (atFileStart) {
      atFileStart = false;
      if (peek() == BYTE_ORDER_MARK) {
        read();
      }
    }
    StringBuilder text = new StringBuilder();
    long firstLine = nextLine;
    State state = State.FIELD_START;
    boolean started = false;
    boolean tooLarge = false;
    for (int c = read(); c != END; c = read()) {
      boolean lineBreak = c == '\n' || c == '\r';
      boolean crlf = c == '\r' && peek() == '\n';
      if (crlf) {
        read();
      }
      if (lineBreak) {
        nextLine++;
      }
      if (tooLarge) {
        // Resynchronise on the next physical line: the record's structure is lost anyway.
        if (lineBreak) {
          return new RawCsvRecord(firstLine, text.toString(), RawCsvRecord.Ending.TOO_LARGE);
        }
        continue;
      }
      if (lineBreak && state != State.QUOTED) {
        if (started) {
          return new RawCsvRecord(firstLine, text.toString(), RawCsvRecord.Ending.COMPLETE);
        }
        firstLine = nextLine;
        continue;
      }
      started = true;
      if (text.length() + (crlf ? 2 : 1) > maxRecordChars) {
        tooLarge = true;
        if (lineBreak) {
          return new RawCsvRecord(firstLine, text.toString(), RawCsvRecord.Ending.TOO_LARGE);
        }
        continue;
      }
      text.append((char) c);
      if (crlf) {
        text.append('\n');
      }
      state = after(state, (char) c);
    }
    if (!started) {
      return null;
    }
    RawCsvRecord.Ending ending = tooLarge ? RawCsvRecord.Ending.TOO_LARGE
        : state == State.QUOTED ? RawCsvRecord.Ending.UNTERMINATED_QUOTE
        : RawCsvRecord.Ending.COMPLETE;
    return new RawCsvRecord(firstLine, text.toString(), ending);
  }

  private State after(State state, char c) {
    switch (state) {
      case FIELD_START:
        return c == QUOTE ? State.QUOTED : c == delimiter ? State.FIELD_START : State.UNQUOTED;
      case UNQUOTED:
        return c == delimiter ? State.FIELD_START : State.UNQUOTED;
      case QUOTED:
        return c == QUOTE ? State.QUOTE_IN_QUOTED : State.QUOTED;
      case QUOTE_IN_QUOTED:
        // A second quote is an escaped quote; anything else closed the field.
        return c == QUOTE ? State.QUOTED : c == delimiter ? State.FIELD_START : State.UNQUOTED;
      default:
        throw new IllegalStateException("unknown state " + state);
    }
  }

  private int read() throws IOException {
    return position < limit || fill() ? buffer[position++] : END;
  }

  private int peek() throws IOException {
    return position < limit || fill() ? buffer[position] : END;
  }

  private boolean fill() throws IOException {
    int n = reader.read(buffer, 0, buffer.length);
    if (n <= 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }
}
