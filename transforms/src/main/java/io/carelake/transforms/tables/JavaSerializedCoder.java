package io.carelake.transforms.tables;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.util.SerializableUtils;

/**
 * Java serialisation for Iceberg's metadata objects (written files, scan tasks), which are serialisable
 * but have no value equality: elements compare by their encoding, as the Direct runner's mutation checks
 * expect, rather than by {@code equals}. They are small and few: a handful per bundle or per file.
 */
final class JavaSerializedCoder<T extends Serializable> extends CustomCoder<T> {
  private final Class<T> type;

  private JavaSerializedCoder(Class<T> type) {
    this.type = type;
  }

  static <T extends Serializable> JavaSerializedCoder<T> of(Class<T> type) {
    return new JavaSerializedCoder<>(type);
  }

  @Override
  public void encode(T value, OutputStream out) throws IOException {
    ByteArrayCoder.of().encode(SerializableUtils.serializeToByteArray(value), out);
  }

  @Override
  public T decode(InputStream in) throws IOException {
    Object value = SerializableUtils.deserializeFromByteArray(ByteArrayCoder.of().decode(in), type.getSimpleName());
    if (!type.isInstance(value)) {
      throw new CoderException("expected a " + type.getName() + ", decoded a " + value.getClass().getName());
    }
    return type.cast(value);
  }
}
