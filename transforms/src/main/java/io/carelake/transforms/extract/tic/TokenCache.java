package io.carelake.transforms.extract.tic;

import java.util.Arrays;
import java.util.function.Function;

/**
 * Values derived from short token texts that repeat throughout a file (negotiated types, billing classes,
 * dates, service codes, rates, provider group ids), looked up by the parser's character buffer so that a
 * repeated token costs no String. Direct-mapped with a fixed number of slots: memory is bounded whatever the
 * file, and a collision only costs a recomputation.
 */
final class TokenCache<V> {
  private static final int MAX_KEY_LENGTH = 48;

  private final char[][] keys;
  private final int[] hashes;
  private final Object[] values;
  private final int mask;
  private final Function<String, V> derive;

  TokenCache(int slotsPowerOfTwo, Function<String, V> derive) {
    this.keys = new char[slotsPowerOfTwo][];
    this.hashes = new int[slotsPowerOfTwo];
    this.values = new Object[slotsPowerOfTwo];
    this.mask = slotsPowerOfTwo - 1;
    this.derive = derive;
  }

  @SuppressWarnings("unchecked")
  V get(char[] buffer, int offset, int length) {
    if (length > MAX_KEY_LENGTH) {
      return derive.apply(new String(buffer, offset, length));
    }
    int hash = 0;
    for (int i = offset, end = offset + length; i < end; i++) {
      hash = 31 * hash + buffer[i];
    }
    int slot = (hash ^ (hash >>> 15)) & mask;
    char[] key = keys[slot];
    if (key != null && hashes[slot] == hash && key.length == length
        && Arrays.equals(key, 0, length, buffer, offset, offset + length)) {
      return (V) values[slot];
    }
    V value = derive.apply(new String(buffer, offset, length));
    keys[slot] = Arrays.copyOfRange(buffer, offset, offset + length);
    hashes[slot] = hash;
    values[slot] = value;
    return value;
  }
}
