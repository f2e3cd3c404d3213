package io.carelake.pipelines.staffing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes synthetic PBJ and Provider Info files shaped like CMS's (today's 33-column PBJ header, Provider
 * Info's quoted header and mixed quoting, Windows-1252 apostrophes in names, CCNs that lost their leading
 * zeros), with the cases the pipeline must handle: values that do not parse, days with no census or
 * implausible hours, a second PBJ delivery resending some days (some changed), and facilities in only one
 * of the two sources. Deterministic for a seed.
 */
public final class StaffingGenerator {
  static final String PBJ_HEADER = "PROVNUM,PROVNAME,CITY,STATE,COUNTY_NAME,COUNTY_FIPS,CY_Qtr,WorkDate,MDScensus,"
      + "Hrs_RNDON,Hrs_RNDON_emp,Hrs_RNDON_ctr,Hrs_RNadmin,Hrs_RNadmin_emp,Hrs_RNadmin_ctr,Hrs_RN,Hrs_RN_emp,Hrs_RN_ctr,"
      + "Hrs_LPNadmin,Hrs_LPNadmin_emp,Hrs_LPNadmin_ctr,Hrs_LPN,Hrs_LPN_emp,Hrs_LPN_ctr,Hrs_CNA,Hrs_CNA_emp,Hrs_CNA_ctr,"
      + "Hrs_NAtrn,Hrs_NAtrn_emp,Hrs_NAtrn_ctr,Hrs_MedAide,Hrs_MedAide_emp,Hrs_MedAide_ctr";
  static final String PROVIDER_HEADER = "\"CMS Certification Number (CCN)\",\"Provider Name\",\"Provider Address\","
      + "\"City/Town\",\"State\",\"ZIP Code\",\"County/Parish\",\"Ownership Type\",\"Number of Certified Beds\","
      + "\"Average Number of Residents per Day\",\"Provider Type\",\"Overall Rating\",\"Staffing Rating\","
      + "\"Reported Total Nurse Staffing Hours per Resident per Day\",\"Latitude\",\"Longitude\",\"Processing Date\"";
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final String[] STATES = {"AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID",
      "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM",
      "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY"};
  private static final String[] NAMES = {"MAPLE GROVE", "ST. ANNE'S", "RIVERSIDE", "GREEN HILLS", "SUNRISE",
      "OAK & PINE", "LAKEVIEW", "HERITAGE", "MEADOWBROOK", "PARKSIDE"};
  private static final String[] KINDS = {"CARE CENTER", "NURSING HOME", "HEALTH & REHABILITATION", "REHAB CENTER"};
  private static final String[] OWNERSHIP = {"For profit - Corporation", "Non profit - Church related",
      "Government - County", "For profit - Limited Liability company"};

  private final Random random;
  private final int facilities;
  private final int days;
  private final double badFraction;
  private final LocalDate firstDay;

  /**
   * @param facilities how many facilities report (Provider Info lists 95% of them, and a few others)
   * @param days how many consecutive days from {@code firstDay} each facility reports
   * @param badFraction the share of PBJ records with a value that does not parse
   */
  public StaffingGenerator(int facilities, int days, double badFraction, LocalDate firstDay, long seed) {
    this.random = new Random(seed);
    this.facilities = facilities;
    this.days = days;
    this.badFraction = badFraction;
    this.firstDay = firstDay;
  }

  /**
   * The pipeline's bundled samples: 24 facilities over ten days of January 2025, delivered into the lake's
   * staffing landing folder; returns the arguments that run the pipeline on them. Small, because the Direct
   * runner, which tests run on, makes a bundle of every key after a grouping.
   */
  public static List<String> samples(Path lake) throws IOException {
    new StaffingGenerator(24, 10, 0.03, LocalDate.of(2025, 1, 1), 2025)
        .writeTo(lake.resolve("landing").resolve(StaffingPipeline.NAME), LocalDate.of(2025, 2, 14));
    return List.of("--lake=" + lake);
  }

  /** What the generator wrote: the files, and the PBJ and Provider Info records in them. */
  public record Written(List<Path> files, long pbjRecords, long providerRecords) {}

  /**
   * Writes {@code pbj_<delivery>.csv} (every facility-day), {@code pbj_<delivery+7>.csv} (a resend of 2% of
   * the days, a third of them changed) and {@code provider_info_<delivery>.csv} into {@code landing}.
   */
  public Written writeTo(Path landing, LocalDate delivery) throws IOException {
    Files.createDirectories(landing);
    List<Facility> all = new ArrayList<>();
    for (int i = 0; i < facilities; i++) {
      all.add(facility(i));
    }
    List<Path> files = new ArrayList<>();
    long pbj = 0;
    Path first = landing.resolve("pbj_" + basic(delivery) + ".csv");
    Path resend = landing.resolve("pbj_" + basic(delivery.plusDays(7)) + ".csv");
    try (Writer out = writer(first); Writer again = writer(resend)) {
      out.write(PBJ_HEADER + "\r\n");
      again.write(PBJ_HEADER + "\r\n");
      for (int d = 0; d < days; d++) {
        LocalDate day = firstDay.plusDays(d);
        for (Facility facility : all) {
          String record = pbjRecord(facility, day, random.nextDouble() < badFraction);
          out.write(record);
          pbj++;
          if (random.nextDouble() < 0.02) {
            again.write(random.nextInt(3) == 0 ? pbjRecord(facility, day, false) : record);
            pbj++;
          }
        }
      }
    }
    files.add(first);
    files.add(resend);
    Path providers = landing.resolve("provider_info_" + basic(delivery) + ".csv");
    long providerRecords = 0;
    try (Writer out = writer(providers)) {
      out.write(PROVIDER_HEADER + "\n");
      for (Facility facility : all) {
        if (random.nextDouble() < 0.95) {
          out.write(providerRecord(facility, delivery));
          providerRecords++;
        }
      }
      for (int i = 0; i < Math.max(1, facilities / 50); i++) {
        out.write(providerRecord(facility(facilities + i), delivery));
        providerRecords++;
      }
    }
    files.add(providers);
    return new Written(files, pbj, providerRecords);
  }

  private static Writer writer(Path file) throws IOException {
    // CMS's files are ASCII but for Windows-1252 apostrophes in some names.
    return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), WINDOWS_1252), 1 << 16);
  }

  private Facility facility(int index) {
    int state = index % STATES.length;
    String ccn = String.format(Locale.ROOT, "%02d5%03d", state + 1, (index / STATES.length) % 1000);
    if (index >= STATES.length * 1000) {
      ccn = String.format(Locale.ROOT, "%02dA%03d", state + 1, (index / STATES.length) % 1000);
    }
    String name = NAMES[index % NAMES.length] + " " + KINDS[(index / NAMES.length) % KINDS.length];
    if (index % 17 == 3) {
      name = name.replace("'", "\u2019");
    }
    int beds = 40 + random.nextInt(160);
    return new Facility(ccn, name + (index >= NAMES.length * KINDS.length ? " " + (index + 1) : ""), STATES[state],
        "CITY " + (index % 97), beds, 0.6 + random.nextDouble() * 0.35, 0.05 + random.nextDouble() * 0.25);
  }

  private String pbjRecord(Facility facility, LocalDate day, boolean bad) {
    double census = Math.max(1, Math.round(facility.beds * facility.occupancy + random.nextGaussian() * 3));
    if (random.nextDouble() < 0.002) {
      census = 0;
    }
    StringBuilder line = new StringBuilder(320);
    String ccn = facility.ccn;
    if (ccn.startsWith("0") && random.nextDouble() < 0.1) {
      ccn = Integer.parseInt(ccn) + ".0";
    }
    line.append(ccn).append(',').append(quoted(facility.name)).append(',').append(facility.city).append(',')
        .append(facility.state).append(",County,").append(Math.floorMod(facility.ccn.hashCode(), 800) + 1).append(',')
        .append(day.getYear()).append('Q').append((day.getMonthValue() - 1) / 3 + 1).append(',')
        .append(basic(day)).append(',').append(bad && random.nextBoolean() ? "n/a" : decimal(census, 1));
    double outlier = random.nextDouble() < 0.003 ? 5 : 1;
    double[] perResident = {0.25, 0.1, 0.6, 0.05, 0.8, 2.0, 0.1, 0.15};
    for (int code = 0; code < perResident.length; code++) {
      double hours = Math.round(census * perResident[code] * outlier * (0.8 + random.nextDouble() * 0.4) * 100) / 100.0;
      double contract = code == 0 ? 0 : Math.round(hours * facility.contractShare * random.nextDouble() * 2 * 100) / 100.0;
      contract = Math.min(contract, hours);
      double employee = Math.round((hours - contract) * 100) / 100.0;
      line.append(',').append(decimal(hours, 2)).append(',').append(decimal(employee, 2)).append(',')
          .append(bad && code == 4 ? "-" + decimal(contract + 1, 2) : decimal(contract, 2));
    }
    return line.append("\r\n").toString();
  }

  private String providerRecord(Facility facility, LocalDate processed) {
    return String.join(",", quoted(facility.ccn), quoted(facility.name), quoted(random.nextInt(9000) + 100 + " MAIN ST"),
        quoted(facility.city), quoted(facility.state), quoted(String.format(Locale.ROOT, "%05d", random.nextInt(99999))),
        quoted("County"), OWNERSHIP[random.nextInt(OWNERSHIP.length)], Integer.toString(facility.beds),
        decimal(facility.beds * facility.occupancy, 1), "Medicare and Medicaid", Integer.toString(1 + random.nextInt(5)),
        Integer.toString(1 + random.nextInt(5)), decimal(3 + random.nextDouble() * 2, 5),
        decimal(30 + random.nextDouble() * 15, 4), decimal(-120 + random.nextDouble() * 45, 4), processed.toString())
        + "\n";
  }

  private static String quoted(String value) {
    return value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\'') >= 0
        ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }

  private static String decimal(double value, int places) {
    return String.format(Locale.ROOT, "%." + places + "f", value);
  }

  private static String basic(LocalDate day) {
    return day.format(DateTimeFormatter.BASIC_ISO_DATE);
  }

  private record Facility(String ccn, String name, String state, String city, int beds, double occupancy,
      double contractShare) {}
}
