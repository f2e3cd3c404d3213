package io.carelake.transforms.extract.tic;

import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.carelake.transforms.extract.tic.BadElement.Section;
import io.carelake.transforms.extract.tic.FileError.Kind;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipException;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Streams one in-network rates file (schema 1.x or 2.x) into negotiated-rate rows, provider references and bad
 * elements, holding one element at a time: memory depends on the largest element, never on the file.
 *
 * <p>Damage: a file that is not well-formed JSON, or ends early (a cut-off download, a short gzip stream),
 * ends the pass with a {@link FileError} in the summary rather than an exception. What was emitted before
 * stays emitted: every row and reference already handed out came from an element that was read whole, and the
 * element in progress at the damage is dropped. The summary's counts say how much that was, so a caller can
 * keep it (flagging the file as failed) or discard the file's output; the rates pipeline keeps it. Only I/O
 * failures of the source itself (other than a damaged gzip stream) are thrown.
 *
 * <p>Thread-safe and stateless: each {@code parse} call has its own state.
 */
public final class InNetworkFileParser {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private InNetworkFileParser() {}

  public static InNetworkFileParser create() {
    return new InNetworkFileParser();
  }

  /** Reads a file, gzipped or not (recognised by its content). */
  public ParseSummary parse(Path file, InNetworkSink sink) throws IOException {
    try (InputStream content = TicInput.open(file)) {
      return parse(content, sink);
    }
  }

  /** Reads uncompressed JSON content (see {@link TicInput#open(InputStream)}); closes it. */
  public ParseSummary parse(InputStream content, InNetworkSink sink) throws IOException {
    try (JsonParser parser = JSON.createParser(content)) {
      return new Pass(parser, sink).run();
    }
  }

  /** The state of one pass over one file. */
  private static final class Pass {
    private final JsonParser p;
    private final ElementReader elements;
    private final FileHeader.Builder header = FileHeader.builder();
    private boolean sawInNetwork;

    Pass(JsonParser parser, InNetworkSink sink) {
      this.p = parser;
      this.elements = new ElementReader(parser, sink);
    }

    ParseSummary run() throws IOException {
      FileError error;
      try {
        error = readRoot();
      } catch (JsonEOFException | EOFException e) {
        error = FileError.of(Kind.TRUNCATED, damageOffset(e), "content ends early: " + message(e));
      } catch (JsonParseException | ZipException e) {
        error = FileError.of(Kind.CORRUPT, damageOffset(e), "not well-formed: " + message(e));
      }
      return ParseSummary.of(header.build(), elements.inNetworkElements(), elements.inNetworkBad(),
          elements.rows(), elements.references(), elements.referencesBad(), bytesRead(), error);
    }

    private @Nullable FileError readRoot() throws IOException {
      JsonToken first = p.nextToken();
      if (first == null) {
        return FileError.of(Kind.TRUNCATED, 0, "no content");
      }
      if (first != JsonToken.START_OBJECT) {
        p.skipChildren();
        return FileError.of(Kind.NOT_IN_NETWORK_FILE, p.currentTokenLocation().getByteOffset(),
            "the root is " + ElementReader.describe(first) + ", not an object");
      }
      String field;
      while ((field = p.nextFieldName()) != null) {
        JsonToken value = p.nextToken();
        switch (field) {
          case "in_network":
            readArray(value, Section.IN_NETWORK);
            break;
          case "provider_references":
            readArray(value, Section.PROVIDER_REFERENCES);
            break;
          case "reporting_entity_name":
            header.setReportingEntityName(scalar(value));
            break;
          case "reporting_entity_type":
            header.setReportingEntityType(scalar(value));
            break;
          case "plan_name":
            header.setPlanName(scalar(value));
            break;
          case "plan_id_type":
            header.setPlanIdType(scalar(value));
            break;
          case "plan_id":
            header.setPlanId(scalar(value));
            break;
          case "plan_sponsor_name":
            header.setPlanSponsorName(scalar(value));
            break;
          case "issuer_name":
            header.setIssuerName(scalar(value));
            break;
          case "plan_market_type":
            header.setPlanMarketType(scalar(value));
            break;
          case "last_updated_on":
            String lastUpdated = scalar(value);
            header.setLastUpdatedOnText(lastUpdated).setLastUpdatedOn(TicDates.toIso(lastUpdated));
            break;
          case "version":
            header.setVersion(scalar(value));
            break;
          default:
            p.skipChildren();
        }
      }
      if (!sawInNetwork) {
        return FileError.of(Kind.NOT_IN_NETWORK_FILE, p.currentTokenLocation().getByteOffset(),
            "no in_network array");
      }
      return null;
    }

    private void readArray(JsonToken value, Section section) throws IOException {
      if (value == JsonToken.START_ARRAY) {
        if (section == Section.IN_NETWORK) {
          sawInNetwork = true;
          elements.readInNetworkArray();
        } else {
          elements.readProviderReferenceArray();
        }
      } else if (value != JsonToken.VALUE_NULL) {
        elements.notAnArray(section);
      }
    }

    /** A header field; one of the wrong shape is skipped and left absent. */
    private @Nullable String scalar(JsonToken value) throws IOException {
      if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
        return p.getText();
      }
      p.skipChildren();
      return null;
    }

    private long damageOffset(IOException e) {
      if (e instanceof JsonParseException && ((JsonParseException) e).getLocation() != null) {
        return ((JsonParseException) e).getLocation().getByteOffset();
      }
      return bytesRead();
    }

    private long bytesRead() {
      return p.currentLocation().getByteOffset();
    }

    private static String message(IOException e) {
      String message = e instanceof JsonParseException ? ((JsonParseException) e).getOriginalMessage()
          : e.getMessage();
      return message == null ? e.getClass().getSimpleName() : message;
    }
  }
}
