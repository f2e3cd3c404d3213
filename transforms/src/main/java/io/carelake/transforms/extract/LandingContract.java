package io.carelake.transforms.extract;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import io.carelake.schemas.LandingFile;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The naming contract of the landing zone: {@code {client_id}_{delivery_date}[_{part}].csv}, optionally
 * gzipped ({@code .csv.gz}). The delivery date is {@code YYYYMMDD} or {@code YYYY-MM-DD} and must exist
 * on the calendar; the part is 1, 2, ... A client id may itself contain underscores: the date is the
 * last date-shaped group of the name, followed only by an optional part.
 *
 * <p>A delivery that covers a period may be named by it, {@code {client_id}_{from}-{to}}, as NPPES names
 * its bulk files ({@code npidata_pfile_20050523-20250608.csv}): its delivery date is the period's end. A
 * pipeline that lands files of another kind accepts their extensions too ({@link #alsoAccepting}).
 */
public final class LandingContract implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String NAME_EXTENSION = "name.extension";
  public static final String NAME_CONTRACT = "name.contract";
  public static final String NAME_DATE = "name.date";
  public static final String NAME_PART = "name.part";

  private static final List<String> CSV = List.of(".csv.gz", ".csv");

  // The greedy client group makes the date the last date-shaped group before the optional part.
  private static final Pattern STEM = Pattern.compile(
      "(?<client>[A-Za-z0-9][A-Za-z0-9_-]*)_(?:(?<from>\\d{8})-)?(?<date>\\d{8}|\\d{4}-\\d{2}-\\d{2})"
          + "(?:_(?<part>\\d+))?");

  private static final DateTimeFormatter BASIC_DATE =
      DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter ISO_DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  // Up to 999 parts a delivery: record sequences keep three digits for the part.
  private static final Pattern PART = Pattern.compile("[1-9]\\d{0,2}");

  private static final LandingContract STANDARD = new LandingContract(CSV);

  /** Longest first, so that {@code .csv.gz} is not taken for {@code .gz}. */
  private final List<String> extensions;

  private LandingContract(List<String> extensions) {
    this.extensions = extensions;
  }

  public static LandingContract standard() {
    return STANDARD;
  }

  /** This contract, accepting also files named with {@code extension} (such as {@code .jsonl}) and it gzipped. */
  public LandingContract alsoAccepting(String extension) {
    checkArgument(extension.startsWith(".") && extension.length() > 1, "an extension starts with a dot: %s",
        extension);
    List<String> more = new ArrayList<>(extensions);
    more.add(extension + ".gz");
    more.add(extension);
    more.sort(Comparator.comparingInt(String::length).reversed());
    return new LandingContract(List.copyOf(new LinkedHashSet<>(more)));
  }

  /** Reads the file's name; the file comes back with client id, ISO delivery date and part (0 if none). */
  public ContractCheck check(LandingFile file) {
    String name = file.getName();
    String stem = null;
    for (String extension : extensions) {
      if (name.endsWith(extension)) {
        stem = name.substring(0, name.length() - extension.length());
        break;
      }
    }
    if (stem == null) {
      return ContractCheck.rejected(NAME_EXTENSION + ": expected " + expected());
    }
    Matcher matcher = STEM.matcher(stem);
    if (!matcher.matches()) {
      return ContractCheck.rejected(NAME_CONTRACT + ": expected {client_id}_{YYYYMMDD}[_{part}].csv");
    }
    String date = matcher.group("date");
    LocalDate deliveryDate;
    try {
      deliveryDate = LocalDate.parse(date, date.length() == 8 ? BASIC_DATE : ISO_DATE);
      String from = matcher.group("from");
      if (from != null && (date.length() != 8 || LocalDate.parse(from, BASIC_DATE).isAfter(deliveryDate))) {
        return ContractCheck.rejected(NAME_DATE + ": a period is {YYYYMMDD}-{YYYYMMDD}, its start not after its end");
      }
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

  private String expected() {
    List<String> sorted = new ArrayList<>(extensions);
    sorted.sort(Comparator.naturalOrder());
    return String.join(", ", sorted.subList(0, sorted.size() - 1)) + " or " + sorted.get(sorted.size() - 1);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LandingContract && ((LandingContract) other).extensions.equals(extensions);
  }

  @Override
  public int hashCode() {
    return extensions.hashCode();
  }

  @Override
  public String toString() {
    return "LandingContract{client_id_delivery_date[_part]" + extensions + "}";
  }

  /**
   * Orders the versions of a record: a date (the delivery date, or a date the content carries, such as a
   * roster's creation date), then the part, then the line. Later wins.
   */
  public static long recordSequence(LocalDate creationDate, int part, long lineNumber) {
    return creationDate.toEpochDay() * 1_000_000_000_000L + part * 1_000_000_000L + lineNumber;
  }
}
