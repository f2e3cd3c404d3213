package io.carelake.transforms.extract;

import io.carelake.schemas.BadRecord;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.SchemaCoders;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.joda.time.Instant;
import org.junit.rules.TemporaryFolder;

/** Small landing files written into a temporary folder, and the values tests expect from them. */
final class LandingFixtures {
  private LandingFixtures() {}

  static File write(TemporaryFolder folder, String name, byte[] content) {
    try {
      File file = folder.newFile(name);
      Files.write(file.toPath(), content);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static File write(TemporaryFolder folder, String name, String content) {
    return write(folder, name, utf8(content));
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] gzip(byte[] content) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static byte[] concat(byte[] first, byte[] second) {
    byte[] both = new byte[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  /** The file as listed, with what its name says under the contract: client acme, delivered 2025-01-31. */
  static LandingFile landed(File file) {
    return LandingFile.builder()
        .setPath(file.getAbsolutePath())
        .setName(file.getName())
        .setSizeBytes(file.length())
        .setClientId("acme")
        .setDeliveryDate("2025-01-31")
        .build();
  }

  /** Bad records with their time set to the epoch, so tests can compare them whole. */
  static PTransform<PCollection<BadRecord>, PCollection<BadRecord>> atEpoch() {
    return new PTransform<>() {
      @Override
      public PCollection<BadRecord> expand(PCollection<BadRecord> failures) {
        return failures
            .apply("RecordedAtEpoch", MapElements.into(TypeDescriptor.of(BadRecord.class))
                .via(LandingFixtures::recordedAtEpoch))
            .setCoder(SchemaCoders.of(BadRecord.class));
      }
    };
  }

  private static BadRecord recordedAtEpoch(BadRecord failure) {
    return failure.toBuilder().setRecordedAt(new Instant(0)).build();
  }
}
