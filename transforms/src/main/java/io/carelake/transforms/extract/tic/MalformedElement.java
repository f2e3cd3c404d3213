package io.carelake.transforms.extract.tic;

/**
 * Thrown inside the reading of one element when it breaks the schema; the element becomes a
 * {@link BadElement} and reading goes on. No stack trace: it is control flow, not a bug.
 */
final class MalformedElement extends Exception {
  private static final long serialVersionUID = 1L;

  private final long byteOffset;

  MalformedElement(String reason, long byteOffset) {
    super(reason, null, false, false);
    this.byteOffset = byteOffset;
  }

  long byteOffset() {
    return byteOffset;
  }
}
