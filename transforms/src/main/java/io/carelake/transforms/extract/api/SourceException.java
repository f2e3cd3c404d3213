package io.carelake.transforms.extract.api;

import java.net.URI;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A request to a source that did not give a usable answer. The reason id says whether the source was
 * down ({@code source.unavailable}), refused the query ({@code source.query_error}) or answered in a shape
 * we do not know ({@code source.unexpected_response}). Messages name the URL path and the parameter
 * names only: query values (a last name, a postal code) and response bodies may identify people.
 */
public final class SourceException extends Exception {
  private static final long serialVersionUID = 1L;

  public static final String UNAVAILABLE = "source.unavailable";
  public static final String QUERY_ERROR = "source.query_error";
  public static final String UNEXPECTED_RESPONSE = "source.unexpected_response";

  private final String reasonId;

  private SourceException(String reasonId, String message, Throwable cause) {
    super(message, cause);
    this.reasonId = reasonId;
  }

  static SourceException unavailable(URI uri, int attempts, String lastFailure, Throwable cause) {
    return new SourceException(UNAVAILABLE,
        "GET " + describe(uri) + " failed " + attempts + " times, last: " + lastFailure, cause);
  }

  static SourceException queryError(URI uri, String why) {
    return new SourceException(QUERY_ERROR, "GET " + describe(uri) + " refused: " + why, null);
  }

  static SourceException queryError(String why) {
    return new SourceException(QUERY_ERROR, why, null);
  }

  static SourceException unexpectedResponse(URI uri, String why) {
    return new SourceException(UNEXPECTED_RESPONSE, "GET " + describe(uri) + ": " + why, null);
  }

  public String reasonId() {
    return reasonId;
  }

  /** The reason id, a colon and the message: the form of a {@code FileProblem} error. */
  public String problem() {
    return reasonId + ": " + getMessage();
  }

  /** Host, path and parameter names, without their values. */
  static String describe(URI uri) {
    String query = uri.getRawQuery();
    String names = query == null ? "" : Stream.of(query.split("&"))
        .map(pair -> pair.split("=", 2)[0])
        .distinct()
        .collect(Collectors.joining(","));
    return uri.getHost() + uri.getPath() + (names.isEmpty() ? "" : " (parameters " + names + ")");
  }
}
