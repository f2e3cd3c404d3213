package io.carelake.pipelines.reference;

import io.carelake.transforms.standardize.Npis;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Writes synthetic NPPES bulk files shaped like NPPES's own ({@code npidata_pfile}: the 330-column header,
 * every value quoted, {@code MM/DD/YYYY} dates, {@code <UNAVAIL>} EINs, 15 taxonomy and 50 other-identifier
 * slots), with the cases the pipeline must handle: a monthly file of individuals and organisations, some
 * with a wrong check digit, a missing name or an impossible date, some deactivated (every column blank but
 * the NPI and the deactivation date); and a weekly increment that updates some providers, reactivates or
 * deactivates a few and repeats some unchanged. Deterministic for a seed.
 */
public final class NppesBulkGenerator {
  static final List<String> HEADER = header();
  private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
  private static final String[] STATES = {"AL", "AZ", "CA", "CO", "FL", "GA", "IL", "MA", "MI", "MN", "NC", "NY", "OH",
      "PA", "TX", "VA", "VT", "WA", "WI"};
  private static final String[] LAST = {"SMITH", "JOHNSON", "WILLIAMS", "BROWN", "JONES", "GARCIA", "MILLER", "DAVIS",
      "RODRIGUEZ", "MARTINEZ", "O'BRIEN", "NGUYEN"};
  private static final String[] FIRST = {"JAMES", "MARY", "ROBERT", "PATRICIA", "JOHN", "JENNIFER", "MICHAEL", "LINDA",
      "DAVID", "ELIZABETH"};
  private static final String[] TAXONOMIES = {"207Q00000X", "207R00000X", "208D00000X", "363LF0000X", "261QC1500X",
      "282N00000X", "333600000X", "207L00000X", "2084P0800X", "1223G0001X"};
  private static final String[] CREDENTIALS = {"MD", "M.D.", "DO", "NP", "PA-C", "RN", "DDS"};
  private static final String[] STREETS = {"MAIN ST", "OAK AVE", "PURCHASE ST", "ROSWELL RD", "PERMIAN WAY",
      "ROCKLEDGE DR", "MARKET ST"};

  private final Random random;
  private final int providers;
  private final double badFraction;
  private final LocalDate monthEnd;

  /**
   * @param providers how many NPIs the monthly file lists
   * @param badFraction share of records that break a rule
   * @param monthEnd the last day the monthly file covers; the weekly increment covers the following week
   */
  public NppesBulkGenerator(long seed, int providers, double badFraction, LocalDate monthEnd) {
    this.random = new Random(seed);
    this.providers = providers;
    this.badFraction = badFraction;
    this.monthEnd = monthEnd;
  }

  /** The monthly file's name, as NPPES names it. */
  public String monthlyName() {
    return "npidata_pfile_20050523-" + monthEnd.format(DateTimeFormatter.BASIC_ISO_DATE) + ".csv";
  }

  /** The weekly increment's name. */
  public String weeklyName() {
    return "npidata_pfile_" + monthEnd.plusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
        + monthEnd.plusDays(7).format(DateTimeFormatter.BASIC_ISO_DATE) + ".csv";
  }

  /** Writes the monthly file into {@code folder} and returns its path. */
  public Path writeMonthly(Path folder) throws IOException {
    Path file = folder.resolve(monthlyName());
    try (Writer out = writer(file)) {
      line(out, HEADER);
      for (int i = 0; i < providers; i++) {
        line(out, record(i, monthEnd.minusDays(random.nextInt(3000)), false));
      }
    }
    return file;
  }

  /** Writes the weekly increment into {@code folder}: a tenth of the providers, updated, re- or deactivated. */
  public Path writeWeekly(Path folder) throws IOException {
    Path file = folder.resolve(weeklyName());
    try (Writer out = writer(file)) {
      line(out, HEADER);
      for (int i = 0; i < providers; i += 10) {
        line(out, record(i, monthEnd.plusDays(1 + random.nextInt(7)), true));
      }
    }
    return file;
  }

  /** The NPI of the {@code index}th provider: nine digits from the index, and their check digit. */
  static String npi(int index) {
    String nine = String.valueOf(100_000_000 + index * 7L % 900_000_000L);
    return nine + Npis.checkDigit(nine);
  }

  private List<String> record(int index, LocalDate lastUpdate, boolean update) {
    String[] values = new String[HEADER.size()];
    Arrays.fill(values, "");
    // The same provider has the same identity in both files; only what an update changes differs.
    Random identity = new Random(index * 31L + 7);
    String npi = npi(index);
    values[0] = npi;
    boolean organization = identity.nextInt(5) == 0;
    LocalDate enumerated = LocalDate.of(2005, 5, 23).plusDays(identity.nextInt(6000));
    if (!update && random.nextInt(200) == 0 || update && random.nextInt(40) == 0) {
      // A deactivation record: NPPES blanks every column but these.
      values[39] = lastUpdate.format(US_DATE);
      return List.of(values);
    }
    values[1] = organization ? "2" : "1";
    values[3] = organization ? "<UNAVAIL>" : "";
    String state = STATES[identity.nextInt(STATES.length)];
    String zip = String.format("%05d%04d", identity.nextInt(99_999), identity.nextInt(9_999));
    String phone = String.format("%03d%03d%04d", 200 + identity.nextInt(700), 200 + identity.nextInt(700),
        identity.nextInt(10_000));
    String street = (1 + identity.nextInt(9_000)) + " " + STREETS[identity.nextInt(STREETS.length)];
    if (update && random.nextInt(3) > 0) {
      street = (1 + random.nextInt(9_000)) + " " + STREETS[random.nextInt(STREETS.length)] + " STE "
          + (100 + random.nextInt(400));
    }
    if (organization) {
      values[4] = LAST[identity.nextInt(LAST.length)] + " " + state + " MEDICAL GROUP, LLC";
      values[42] = LAST[identity.nextInt(LAST.length)];
      values[43] = FIRST[identity.nextInt(FIRST.length)];
      values[45] = "CEO";
      values[46] = phone;
    } else {
      values[5] = LAST[identity.nextInt(LAST.length)];
      values[6] = FIRST[identity.nextInt(FIRST.length)];
      values[7] = identity.nextBoolean() ? String.valueOf((char) ('A' + identity.nextInt(26))) : "";
      values[10] = CREDENTIALS[identity.nextInt(CREDENTIALS.length)];
      values[41] = identity.nextBoolean() ? "F" : "M";
    }
    values[20] = identity.nextInt(4) == 0 ? "PO BOX " + identity.nextInt(9_999) : street;
    values[22] = "SPRINGFIELD";
    values[23] = state;
    values[24] = zip;
    values[25] = "US";
    values[26] = phone;
    values[28] = street;
    values[30] = "SPRINGFIELD";
    values[31] = state;
    values[32] = zip;
    values[33] = "US";
    values[34] = phone;
    values[35] = identity.nextBoolean() ? phone : "";
    values[36] = enumerated.format(US_DATE);
    values[37] = lastUpdate.format(US_DATE);
    if (update && random.nextInt(30) == 0) {
      values[39] = lastUpdate.minusDays(400).format(US_DATE);
      values[40] = lastUpdate.minusDays(10).format(US_DATE);
    }
    int taxonomies = 1 + identity.nextInt(3);
    for (int slot = 0; slot < taxonomies; slot++) {
      int at = 47 + slot * 4;
      values[at] = TAXONOMIES[identity.nextInt(TAXONOMIES.length)];
      values[at + 1] = organization ? "" : String.valueOf(10_000 + identity.nextInt(90_000));
      values[at + 2] = organization ? "" : state;
      values[at + 3] = slot == 0 ? "Y" : "N";
    }
    int identifiers = identity.nextInt(4);
    for (int slot = 0; slot < identifiers; slot++) {
      int at = 107 + slot * 4;
      values[at] = String.valueOf(100_000 + identity.nextInt(900_000));
      values[at + 1] = "05";
      values[at + 2] = state;
      values[at + 3] = "MEDICAID";
    }
    values[307] = organization ? "" : (identity.nextBoolean() ? "Y" : "N");
    values[308] = organization ? "N" : "";
    if (random.nextDouble() < badFraction) {
      spoil(values);
    }
    return List.of(values);
  }

  /** Breaks one rule: a wrong check digit, no name, or a date that is not on the calendar. */
  private void spoil(String[] values) {
    switch (random.nextInt(3)) {
      case 0 -> values[0] = values[0].substring(0, 9) + ((values[0].charAt(9) - '0' + 1) % 10);
      case 1 -> {
        values[4] = "";
        values[5] = "";
      }
      default -> values[37] = "02/30/2024";
    }
  }

  private static Writer writer(Path file) throws IOException {
    return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
  }

  /** One record, every value quoted as NPPES writes them. */
  private static void line(Writer out, List<String> values) throws IOException {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write('"');
      out.write(values.get(i).replace("\"", "\"\""));
      out.write('"');
    }
    out.write('\n');
  }

  private static List<String> header() {
    List<String> header = new ArrayList<>(List.of("NPI", "Entity Type Code", "Replacement NPI",
        "Employer Identification Number (EIN)", "Provider Organization Name (Legal Business Name)",
        "Provider Last Name (Legal Name)", "Provider First Name", "Provider Middle Name", "Provider Name Prefix Text",
        "Provider Name Suffix Text", "Provider Credential Text", "Provider Other Organization Name",
        "Provider Other Organization Name Type Code", "Provider Other Last Name", "Provider Other First Name",
        "Provider Other Middle Name", "Provider Other Name Prefix Text", "Provider Other Name Suffix Text",
        "Provider Other Credential Text", "Provider Other Last Name Type Code",
        "Provider First Line Business Mailing Address", "Provider Second Line Business Mailing Address",
        "Provider Business Mailing Address City Name", "Provider Business Mailing Address State Name",
        "Provider Business Mailing Address Postal Code",
        "Provider Business Mailing Address Country Code (If outside U.S.)",
        "Provider Business Mailing Address Telephone Number", "Provider Business Mailing Address Fax Number",
        "Provider First Line Business Practice Location Address",
        "Provider Second Line Business Practice Location Address",
        "Provider Business Practice Location Address City Name",
        "Provider Business Practice Location Address State Name",
        "Provider Business Practice Location Address Postal Code",
        "Provider Business Practice Location Address Country Code (If outside U.S.)",
        "Provider Business Practice Location Address Telephone Number",
        "Provider Business Practice Location Address Fax Number", "Provider Enumeration Date", "Last Update Date",
        "NPI Deactivation Reason Code", "NPI Deactivation Date", "NPI Reactivation Date", "Provider Sex Code",
        "Authorized Official Last Name", "Authorized Official First Name", "Authorized Official Middle Name",
        "Authorized Official Title or Position", "Authorized Official Telephone Number"));
    for (int slot = 1; slot <= 15; slot++) {
      header.addAll(List.of("Healthcare Provider Taxonomy Code_" + slot, "Provider License Number_" + slot,
          "Provider License Number State Code_" + slot, "Healthcare Provider Primary Taxonomy Switch_" + slot));
    }
    for (int slot = 1; slot <= 50; slot++) {
      header.addAll(List.of("Other Provider Identifier_" + slot, "Other Provider Identifier Type Code_" + slot,
          "Other Provider Identifier State_" + slot, "Other Provider Identifier Issuer_" + slot));
    }
    header.addAll(List.of("Is Sole Proprietor", "Is Organization Subpart", "Parent Organization LBN",
        "Parent Organization TIN", "Authorized Official Name Prefix Text", "Authorized Official Name Suffix Text",
        "Authorized Official Credential Text"));
    for (int slot = 1; slot <= 15; slot++) {
      header.add("Healthcare Provider Taxonomy Group_" + slot);
    }
    header.add("Certification Date");
    return List.copyOf(header);
  }
}
