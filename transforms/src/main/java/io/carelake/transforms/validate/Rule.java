package io.carelake.transforms.validate;

import io.carelake.schemas.Violation;
import java.io.Serializable;
import org.checkerframework.checker.nullness.qual.Nullable;

/** One check of a record: the violation it finds, or null when the record passes. */
@FunctionalInterface
public interface Rule<T> extends Serializable {
  @Nullable
  Violation check(T record);
}
