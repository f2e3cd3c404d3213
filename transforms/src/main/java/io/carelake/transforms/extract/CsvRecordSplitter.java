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
 *
 * <p>Each record knows the character offset where it starts, so that a file can be read in ranges: a
 * reader of one range passes over the records before it without keeping their text. Only a pass from the
 * start knows whether a line break is quoted, so every range is found by scanning, never by seeking.
 */
final class CsvRecordSplitter {
  private static final int END = -1;
  private static final char QUOTE = '"';
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

  private static final RawCsvRecord PASSED_OVER = new RawCsvRecord(0, -1, "", RawCsvRecord.Ending.COMPLETE);

  private final Reader reader;
  private final char delimiter;
  private final int maxRecordChars;
  private final char[] buffer = new char[8192];
  private int position;
  private int limit;
  /** Characters read before the buffer's first one. */
  private long bufferStart;
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
    return next(0);
  }

  /**
   * The next record that starts at character offset {@code from} or later, or null at the end of the
   * text; records starting before it are passed over, their text not kept.
   */
  @Nullable
  RawCsvRecord next(long from) throws IOException {
    if (atFileStart) {
      atFileStart = false;
      if (peek() == BYTE_ORDER_MARK) {
        read();
      }
    }
    RawCsvRecord record;
    do {
      record = scan(from);
    } while (record == PASSED_OVER);
    return record;
  }

  /** Cuts one record; {@link #PASSED_OVER} when it starts before {@code from}. */
  @Nullable
  private RawCsvRecord scan(long from) throws IOException {
    StringBuilder text = null;
    int length = 0;
    long firstLine = nextLine;
    long start = -1;
    State state = State.FIELD_START;
    boolean tooLarge = false;
    for (int c = read(); c != END; c = read()) {
      long offset = bufferStart + position - 1;
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
          return record(firstLine, start, text, RawCsvRecord.Ending.TOO_LARGE);
        }
        continue;
      }
      if (lineBreak && state != State.QUOTED) {
        if (start >= 0) {
          return record(firstLine, start, text, RawCsvRecord.Ending.COMPLETE);
        }
        firstLine = nextLine;
        continue;
      }
      if (start < 0) {
        start = offset;
        text = start >= from ? new StringBuilder() : null;
      }
      int added = crlf ? 2 : 1;
      if (length + added > maxRecordChars) {
        tooLarge = true;
        if (lineBreak) {
          return record(firstLine, start, text, RawCsvRecord.Ending.TOO_LARGE);
        }
        continue;
      }
      length += added;
      if (text != null) {
        text.append((char) c);
        if (crlf) {
          text.append('\n');
        }
      }
      state = after(state, (char) c);
      // Most of a file is runs of characters that need no decision beyond the quote state: take them from
      // the buffer at once, up to a line break (whose meaning depends on the state and which counts a line)
      // or the record's size limit, and copy the run in one piece. NPPES quotes every value, so runs must
      // go on through quotes: 330 quoted columns are a thousand quote and delimiter characters a record.
      int end = Math.min(limit, position + (maxRecordChars - length));
      int run = position;
      while (run < end) {
        char next = buffer[run];
        if (next == '\n' || next == '\r') {
          break;
        }
        if (state == State.QUOTED) {
          if (next == QUOTE) {
            state = State.QUOTE_IN_QUOTED;
          }
        } else if (next == QUOTE && state != State.UNQUOTED) {
          // Opens a quoted field, or (after a quote in one) is an escaped quote.
          state = State.QUOTED;
        } else {
          state = next == delimiter ? State.FIELD_START : State.UNQUOTED;
        }
        run++;
      }
      if (text != null) {
        text.append(buffer, position, run - position);
      }
      length += run - position;
      position = run;
    }
    if (start < 0) {
      return null;
    }
    RawCsvRecord.Ending ending = tooLarge ? RawCsvRecord.Ending.TOO_LARGE
        : state == State.QUOTED ? RawCsvRecord.Ending.UNTERMINATED_QUOTE
        : RawCsvRecord.Ending.COMPLETE;
    return record(firstLine, start, text, ending);
  }

  private static RawCsvRecord record(long firstLine, long start, @Nullable StringBuilder text,
      RawCsvRecord.Ending ending) {
    return text == null ? PASSED_OVER : new RawCsvRecord(firstLine, start, text.toString(), ending);
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
    bufferStart += limit;
    position = 0;
    limit = n;
    return true;
  }
}
