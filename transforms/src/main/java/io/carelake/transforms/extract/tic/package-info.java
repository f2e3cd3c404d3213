/**
 * Reading CMS Transparency-in-Coverage in-network rates files (schema 1.x and 2.x) with Jackson's
 * streaming parser, in memory bounded by the largest single element rather than by the file.
 *
 * <p>{@link io.carelake.transforms.extract.tic.InNetworkFileParser} hands out, through an
 * {@link io.carelake.transforms.extract.tic.InNetworkSink}, negotiated-rate rows, top-level provider
 * references and bad elements as they are read, and returns a
 * {@link io.carelake.transforms.extract.tic.ParseSummary} with the file header, the counts and the
 * file-level error, if any. Rate rows and provider references are never joined here: a file may list
 * its references before or after {@code in_network}, so the caller joins them by
 * (file, provider_group_id).
 */
package io.carelake.transforms.extract.tic;
