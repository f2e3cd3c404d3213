package io.carelake.transforms.validate;

import io.carelake.schemas.BadRecord;
import java.io.Serializable;

/**
 * Starts the bad-record envelope of an element: pipeline, run, source file, position and payload. The
 * stage that rejects the element adds its stage, violations and time.
 */
@FunctionalInterface
public interface EnvelopeFn<T> extends Serializable {
  BadRecord.Builder start(T record);
}
