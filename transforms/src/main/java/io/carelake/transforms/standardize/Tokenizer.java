package io.carelake.transforms.standardize;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed, deterministic tokens: {@code "tok_"} followed by the lowercase hex HMAC-SHA256 of a domain and
 * a value (68 characters).
 *
 * <p>Deterministic, so the same member id gives the same token in every file and run, and tokenised
 * tables still join and merge. Keyed, so tokens cannot be reversed by hashing candidate values (a plain
 * hash of a phone number or date of birth can). The domain (a {@link PiiPolicy} uses the column name) is
 * part of the MAC input, so equal values in different columns, say a phone number also typed as a member
 * id, get unrelated tokens and cannot be linked; a column keeps its tokens across tables as long as it
 * keeps its name. The MAC input is the domain's UTF-8 length as 4 big-endian bytes, the domain, then the
 * value, so no two (domain, value) pairs share an input.
 *
 * <p>Hex rather than base64 because tokens end up in spreadsheets, file names and case-insensitive SQL
 * collations, where base64's mixed case could make two tokens compare equal.
 *
 * <p>Not thread-safe and not serializable, because a {@link Mac} is neither and the key must not travel
 * with the pipeline: build one per DoFn instance in {@code @Setup}.
 */
public final class Tokenizer {
  public static final String PREFIX = "tok_";
  private static final String ALGORITHM = "HmacSHA256";
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final Mac mac;
  private final byte[] lengthPrefix = new byte[4];
  private final byte[] digest;
  private final char[] token;

  private Tokenizer(Mac mac) {
    this.mac = mac;
    this.digest = new byte[mac.getMacLength()];
    this.token = new char[PREFIX.length() + 2 * digest.length];
    PREFIX.getChars(0, PREFIX.length(), token, 0);
  }

  /**
   * A tokenizer with {@code key}, which must have at least {@link TokenizationKey#MIN_KEY_BYTES} bytes.
   * The caller may clear its copy of the key afterwards.
   */
  public static Tokenizer withKey(byte[] key) {
    checkArgument(key.length >= TokenizationKey.MIN_KEY_BYTES,
        "a tokenization key needs at least %s bytes", TokenizationKey.MIN_KEY_BYTES);
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return new Tokenizer(mac);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      // Every Java platform ships HmacSHA256 and accepts any non-empty key for it.
      throw new IllegalStateException("cannot initialise " + ALGORITHM, e);
    }
  }

  /** The token of {@code value} in {@code domain}. */
  public String token(String domain, String value) {
    byte[] domainBytes = domain.getBytes(UTF_8);
    int length = domainBytes.length;
    lengthPrefix[0] = (byte) (length >>> 24);
    lengthPrefix[1] = (byte) (length >>> 16);
    lengthPrefix[2] = (byte) (length >>> 8);
    lengthPrefix[3] = (byte) length;
    mac.update(lengthPrefix);
    mac.update(domainBytes);
    mac.update(value.getBytes(UTF_8));
    try {
      mac.doFinal(digest, 0);
    } catch (ShortBufferException e) {
      throw new IllegalStateException("the digest buffer has the MAC's length", e);
    }
    int position = PREFIX.length();
    for (byte b : digest) {
      token[position++] = HEX[(b >>> 4) & 0xf];
      token[position++] = HEX[b & 0xf];
    }
    return new String(token);
  }
}
