package io.carelake.transforms.extract;

import io.carelake.schemas.LandingFile;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The naming contract of the landing zone: {@code {client_id}_{delivery_date}[_{part}].csv}, optionally
 * gzipped ({@code .csv.gz}). The delivery date is {@code YYYYMMDD} or {@code YYYY-MM-DD} and must exist
 * on the calendar; the part is 1, 2, ... A client id may itself contain underscores: the date is the
 * last date-shaped group of the name, followed only by an optional part.
 */
public final class LandingContract implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String NAME_EXTENSION = "name.extension";
  public static final String NAME_CONTRACT = "name.contract";
  public static final String NAME_DATE = "name.date";
  public static final String NAME_PART = "name.part";

  private static final String CSV = ".csv";
  private static final String CSV_GZ = ".csv.gz";

  // The greedy client group makes the date the last date-shaped group before the optional part.
  private static final Pattern STEM = Pattern.compile(
      "(?<client>[A-Za-z0-9][A-Za-z0-9_-]*)_(?<date>\\d{8}|\\d{4}-\\d{2}-\\d{2})(?:_(?<part>\\d+))?");

  private static final DateTimeFormatter BASIC_DATE =
      DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter ISO_DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  // Up to 999 parts a delivery: record sequences keep three digits for the part.
  private static final Pattern PART = Pattern.compile("[1-9]\\d{0,2}");

  private static final LandingContract STANDARD = new LandingContract();

  private LandingContract() {}

  public static LandingContract standard() {
    return STANDARD;
  }

  /** Reads the file's name; the file comes back with client id, ISO delivery date and part (0 if none). */
  public ContractCheck check(LandingFile file) {
    String name = file.getName();
    String stem;
    if (name.endsWith(CSV_GZ)) {
      stem = name.substring(0, name.length() - CSV_GZ.length());
    } else if (name.endsWith(CSV)) {
      stem = name.substring(0, name.length() - CSV.length());
    } else {
      return ContractCheck.rejected(NAME_EXTENSION + ": expected .csv or .csv.gz");
    }
    Matcher matcher = STEM.matcher(stem);
    if (!matcher.matches()) {
      return ContractCheck.rejected(NAME_CONTRACT + ": expected {client_id}_{YYYYMMDD}[_{part}].csv");
    }
    String date = matcher.group("date");
    LocalDate deliveryDate;
    try {
      deliveryDate = LocalDate.parse(date, date.length() == 8 ? BASIC_DATE : ISO_DATE);
    } catch (DateTimeParseException e) {
      return ContractCheck.rejected(NAME_DATE + ": not a calendar date");
    }
    String part = matcher.group("part");
    if (part != null && !PART.matcher(part).matches()) {
      return ContractCheck.rejected(NAME_PART + ": expected a positive integer without leading zero");
    }
    return ContractCheck.accepted(file.toBuilder()
        .setClientId(matcher.group("client"))
        .setDeliveryDate(deliveryDate.toString())
        .setPart(part == null ? 0 : Integer.parseInt(part))
        .build());
  }

  @Override
  public String toString() {
    return "LandingContract{client_id_delivery_date[_part].csv[.gz]}";
  }

  // One instance, so a deserialized contract still equals the configured one.
  private Object readResolve() {
    return STANDARD;
  }

  /**
   * Orders the versions of a record: a date (the delivery date, or a date the content carries, such as a
   * roster's creation date), then the part, then the line. Later wins.
   */
  public static long recordSequence(LocalDate creationDate, int part, long lineNumber) {
    return creationDate.toEpochDay() * 1_000_000_000_000L + part * 1_000_000_000L + lineNumber;
  }
}
