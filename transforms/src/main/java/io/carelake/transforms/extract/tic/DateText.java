package io.carelake.transforms.extract.tic;

import org.checkerframework.checker.nullness.qual.Nullable;

/** A date as written and as an ISO date, computed once per distinct text. */
final class DateText {
  final String text;
  final @Nullable String iso;

  DateText(String text) {
    this.text = text;
    this.iso = TicDates.toIso(text);
  }
}
