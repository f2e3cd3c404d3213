package io.carelake.transforms.extract.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;

/**
 * A successful answer: the body as the server sent it (UTF-8), the same body parsed for paging, and how
 * it was obtained.
 */
record ApiResponse(URI uri, int status, String body, JsonNode json, int attempts, Instant fetchedAt) {}
