package io.carelake.transforms.extract;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8, and reads any byte that is not part of a valid UTF-8 sequence as Windows-1252: for files
 * such as CMS's PBJ staffing files, mostly UTF-8 (or ASCII) but with facility names carrying Windows
 * curly apostrophes ({@code 0x92}). Valid UTF-8 decodes exactly as UTF-8 would; no byte is ever replaced.
 * Decoding only: text is never written in it.
 */
public final class Utf8OrWindows1252 extends Charset {
  private static final Utf8OrWindows1252 INSTANCE = new Utf8OrWindows1252();

  /** Windows-1252's characters for bytes 0x80-0x9F; its five unassigned bytes keep their C1 code points. */
  private static final char[] HIGH_CONTROLS = {
      '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
      '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
      '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
      '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178'};

  private Utf8OrWindows1252() {
    super("x-carelake-utf-8-or-windows-1252", new String[0]);
  }

  public static Charset charset() {
    return INSTANCE;
  }

  @Override
  public boolean contains(Charset other) {
    return other.equals(StandardCharsets.UTF_8) || other.equals(this);
  }

  @Override
  public boolean canEncode() {
    return false;
  }

  @Override
  public CharsetEncoder newEncoder() {
    throw new UnsupportedOperationException(name() + " only decodes");
  }

  @Override
  public CharsetDecoder newDecoder() {
    return new Decoder(this);
  }

  /** The character Windows-1252 gives {@code b}. */
  static char windows1252(int b) {
    return b >= 0x80 && b < 0xA0 ? HIGH_CONTROLS[b - 0x80] : (char) b;
  }

  private static final class Decoder extends CharsetDecoder {
    Decoder(Charset charset) {
      super(charset, 1.0f, 2.0f);
    }

    @Override
    protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
      copyAscii(in, out);
      while (in.hasRemaining()) {
        int position = in.position();
        int lead = in.get(position) & 0xFF;
        if (lead < 0x80) {
          if (!out.hasRemaining()) {
            return CoderResult.OVERFLOW;
          }
          out.put((char) lead);
          in.position(position + 1);
          continue;
        }
        int length = sequenceLength(lead);
        if (length > 0 && in.remaining() < length && !maybeCut(in, position, length)) {
          length = 0;
        } else if (length > 0 && in.remaining() < length) {
          // The rest of a sequence that may be valid comes with the next buffer.
          return CoderResult.UNDERFLOW;
        }
        int codePoint = length > 0 ? codePoint(in, position, lead, length) : -1;
        if (codePoint < 0) {
          if (!out.hasRemaining()) {
            return CoderResult.OVERFLOW;
          }
          out.put(windows1252(lead));
          in.position(position + 1);
          copyAscii(in, out);
          continue;
        }
        if (out.remaining() < Character.charCount(codePoint)) {
          return CoderResult.OVERFLOW;
        }
        out.put(Character.toChars(codePoint));
        in.position(position + length);
        copyAscii(in, out);
      }
      return CoderResult.UNDERFLOW;
    }

    /** The leading ASCII bytes, nearly all of a CMS file, copied array to array with one position update. */
    private static void copyAscii(ByteBuffer in, CharBuffer out) {
      if (!in.hasArray() || !out.hasArray()) {
        return;
      }
      byte[] bytes = in.array();
      char[] chars = out.array();
      int from = in.arrayOffset() + in.position();
      int to = out.arrayOffset() + out.position();
      int count = Math.min(in.remaining(), out.remaining());
      int copied = 0;
      while (copied < count && bytes[from + copied] >= 0) {
        chars[to + copied] = (char) bytes[from + copied];
        copied++;
      }
      in.position(in.position() + copied);
      out.position(out.position() + copied);
    }

    @Override
    protected CoderResult implFlush(CharBuffer out) {
      return CoderResult.UNDERFLOW;
    }

    /** 2, 3 or 4 for a UTF-8 lead byte; 0 for a byte no valid sequence starts with. */
    private static int sequenceLength(int lead) {
      if (lead >= 0xC2 && lead <= 0xDF) {
        return 2;
      }
      if (lead >= 0xE0 && lead <= 0xEF) {
        return 3;
      }
      return lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
    }

    /** Whether the bytes present after the lead could still begin a valid sequence. */
    private static boolean maybeCut(ByteBuffer in, int position, int length) {
      for (int i = 1; i < in.remaining(); i++) {
        if ((in.get(position + i) & 0xC0) != 0x80) {
          return false;
        }
      }
      return true;
    }

    /** The code point of a complete sequence, or -1 when it is not valid UTF-8 (overlong, surrogate, too high). */
    private static int codePoint(ByteBuffer in, int position, int lead, int length) {
      int codePoint = lead & (0xFF >> (length + 1));
      for (int i = 1; i < length; i++) {
        int next = in.get(position + i) & 0xFF;
        if ((next & 0xC0) != 0x80) {
          return -1;
        }
        codePoint = (codePoint << 6) | (next & 0x3F);
      }
      boolean overlong = (length == 3 && codePoint < 0x800) || (length == 4 && codePoint < 0x10000);
      boolean surrogate = codePoint >= 0xD800 && codePoint <= 0xDFFF;
      return overlong || surrogate || codePoint > 0x10FFFF ? -1 : codePoint;
    }
  }
}
