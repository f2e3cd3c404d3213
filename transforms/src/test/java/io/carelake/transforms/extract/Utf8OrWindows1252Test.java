package io.carelake.transforms.extract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class Utf8OrWindows1252Test {
  private static final String UTF8_TEXT = "Caf\u00e9 \u20ac5 \u00c5ngstr\u00f6m \uD83C\uDFE5 plain";

  @Test
  public void validUtf8DecodesAsUtf8() {
    assertThat(decode(UTF8_TEXT.getBytes(StandardCharsets.UTF_8), 1024), is(UTF8_TEXT));
  }

  @Test
  public void bytesThatAreNotUtf8AreWindows1252() {
    // "O\x92BRIEN" as PBJ files write a curly apostrophe; 0xE9 alone is Windows-1252's e-acute; 0x81 is unassigned.
    byte[] bytes = {'O', (byte) 0x92, 'B', ' ', (byte) 0xE9, 't', (byte) 0x80, (byte) 0x81, (byte) 0xC3, '\n'};
    assertThat(decode(bytes, 1024), is("O\u2019B \u00e9t\u20ac\u0081\u00c3\n"));
  }

  @Test
  public void overlongAndSurrogateSequencesAreNotUtf8() {
    byte[] overlong = {(byte) 0xE0, (byte) 0x80, (byte) 0xAF};
    byte[] surrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
    assertThat(decode(overlong, 1024), is("\u00e0\u20ac\u00af"));
    assertThat(decode(surrogate, 1024), is("\u00ed\u00a0\u20ac"));
  }

  @Test
  public void aSequenceCutBetweenTwoBuffersDecodesWhole() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < 50; i++) {
      bytes.writeBytes(UTF8_TEXT.getBytes(StandardCharsets.UTF_8));
      bytes.write(0x92);
    }
    String expected = (UTF8_TEXT + "\u2019").repeat(50);
    for (int chunk = 1; chunk <= 7; chunk++) {
      assertThat("chunks of " + chunk, decode(bytes.toByteArray(), chunk), is(expected));
    }
  }

  /** Decodes as a reader does, handing the decoder {@code chunk} bytes at a time. */
  private static String decode(byte[] bytes, int chunk) {
    CharsetDecoder decoder = Utf8OrWindows1252.charset().newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.allocate(bytes.length + 8);
    CharBuffer out = CharBuffer.allocate(bytes.length * 2 + 8);
    for (int from = 0; from < bytes.length; from += chunk) {
      in.put(bytes, from, Math.min(chunk, bytes.length - from)).flip();
      assertThat(decoder.decode(in, out, from + chunk >= bytes.length).isError(), is(false));
      in.compact();
    }
    decoder.flush(out);
    return out.flip().toString();
  }
}
