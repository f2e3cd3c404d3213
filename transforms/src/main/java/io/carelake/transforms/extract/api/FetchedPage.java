package io.carelake.transforms.extract.api;

import java.util.Map;

/**
 * One page as it will be landed: the parameters that were sent, the page's number within its query
 * (1-based) and the server's answer.
 */
record FetchedPage(Map<String, String> query, int page, ApiResponse response) {}
