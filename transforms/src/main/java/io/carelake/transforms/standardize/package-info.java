/**
 * Standardisation of member and provider fields (phones, dates, states, zips, emails, genders, names)
 * and PII de-identification ({@link io.carelake.transforms.standardize.ApplyPiiPolicy}).
 *
 * <p>The value helpers are pure and allocation-light because they run on every row: they return null
 * for a value they cannot standardise, so the caller decides whether that is a violation or a blank.
 */
package io.carelake.transforms.standardize;
