package io.carelake.pipelines.members;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes synthetic member rosters and their client configurations into a lake: several client layouts
 * (headers, date formats, phone styles), members that come back in later files changed or identical, and
 * a chosen fraction of bad rows of every kind validation knows. Deterministic for a seed. No real person
 * is in it: names and addresses are drawn from short lists, numbers at random.
 */
public final class RosterGenerator {
  private static final String[] FIRST = {"Ava", "Liam", "Maya", "Noah", "Zoe", "Omar", "Lena", "Ravi", "Iris", "Jude",
      "Nora", "Eli", "Ana", "Theo", "Mila", "Sam"};
  private static final String[] LAST = {"Hale", "Ortiz", "Nguyen", "Berg", "Kowalski", "Adeyemi", "Lund", "Moreau",
      "Park", "Quinn", "Rossi", "Sato", "Walsh", "Young", "Diaz", "Frost"};
  private static final String[] CITY = {"Lincoln", "Omaha", "Kearney", "Boston", "Austin", "Denver", "Tulsa", "Fargo"};
  private static final String[][] STATE = {{"NE", "Nebraska"}, {"MA", "Massachusetts"}, {"TX", "Texas"},
      {"CO", "Colorado"}, {"OK", "Oklahoma"}, {"ND", "North Dakota"}};
  private static final String[] AREA = {"402", "617", "512", "303", "918", "701"};
  private static final String[] PLAN = {"HMO-1001", "PPO-2002", "EPO-3003", "HDHP-4004"};

  /** How a client lays out its roster. */
  enum Layout {
    ACME("MM/dd/yyyy", List.of("MemberID", "FirstName", "LastName", "DOB", "Sex", "Email", "Phone", "Address1",
        "City", "State", "Zip", "PlanCode", "CoverageStart", "CoverageEnd")),
    CANONICAL("yyyy-MM-dd", List.of("member_id", "first_name", "last_name", "dob", "gender", "email", "phone",
        "address_line_1", "city", "state", "zip", "plan_id", "coverage_start", "coverage_end")),
    CEDAR("yyyyMMdd", List.of("Member Number", "Given Name", "Family Name", "Birth Date", "Gender", "E-mail",
        "Telephone", "Street", "Town", "State Code", "Postal Code", "Plan", "Eligibility Start", "Eligibility End",
        "Creation Date"));

    final String datePattern;
    final DateTimeFormatter dates;
    final List<String> headers;

    Layout(String datePattern, List<String> headers) {
      this.datePattern = datePattern;
      this.dates = DateTimeFormatter.ofPattern(datePattern);
      this.headers = headers;
    }
  }

  private static final LocalDate BASE_DATE = LocalDate.of(2025, 3, 1);

  private final Random random;
  private final double badFraction;

  public RosterGenerator(long seed, double badFraction) {
    this.random = new Random(seed);
    this.badFraction = badFraction;
  }

  /** The layout used for the i-th generated client. */
  static Layout layoutOf(int clientIndex) {
    return Layout.values()[clientIndex % Layout.values().length];
  }

  /** The YAML configuration of a client with the given layout. */
  static String configYaml(String clientId, Layout layout) {
    StringBuilder yaml = new StringBuilder("client_id: ").append(clientId).append('\n');
    yaml.append("date_formats: [\"").append(layout.datePattern).append("\"]\n");
    yaml.append("phone_region: US\n");
    if (layout != Layout.CANONICAL) {
      yaml.append("columns:\n");
      List<String> canonical = Layout.CANONICAL.headers;
      for (int i = 0; i < canonical.size(); i++) {
        yaml.append("  ").append(canonical.get(i)).append(": \"").append(layout.headers.get(i)).append("\"\n");
      }
      if (layout == Layout.CEDAR) {
        yaml.append("  creation_date: \"Creation Date\"\n");
      }
    }
    yaml.append("required: [member_id, last_name, dob, plan_id, coverage_start]\n");
    yaml.append("rules:\n");
    yaml.append("  - {column: plan_id, regex: \"^[A-Z]{3,4}-[0-9]{4}$\"}\n");
    yaml.append("  - {column: coverage_start, date_window: {min: \"2000-01-01\", max: \"today+365d\"}}\n");
    yaml.append("invalid_ratio_threshold: 0.05\n");
    return yaml.toString();
  }

  /**
   * Writes a lake for a benchmark or a test: {@code clients} client configurations under
   * {@code config/members/} and {@code rows} rows spread over {@code filesPerClient} dated files per
   * client under {@code landing/members/}. Returns the number of bad rows written.
   */
  public long writeLake(Path lake, long rows, int clients, int filesPerClient) throws IOException {
    Path config = Files.createDirectories(lake.resolve("config/members"));
    Path landing = Files.createDirectories(lake.resolve("landing/members"));
    int rowsPerFile = (int) Math.max(1, rows / ((long) clients * filesPerClient));
    long bad = 0;
    for (int c = 0; c < clients; c++) {
      String clientId = String.format("client%02d", c + 1);
      Layout layout = layoutOf(c);
      Files.writeString(config.resolve(clientId + ".yaml"), configYaml(clientId, layout));
      int memberPool = Math.max(1, rowsPerFile * filesPerClient * 4 / 5);
      for (int f = 0; f < filesPerClient; f++) {
        LocalDate day = BASE_DATE.plusDays(f);
        Path file = landing.resolve(clientId + "_" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "_1.csv");
        bad += writeRoster(file, clientId, layout, rowsPerFile, memberPool, f, day);
      }
    }
    return bad;
  }

  /**
   * Writes one roster of {@code rows} rows. Member ids are drawn from {@code memberPool} ids of the
   * client, so later files repeat members; {@code version} changes some of their columns.
   */
  public long writeRoster(Path file, String clientId, Layout layout, int rows, int memberPool, int version,
      LocalDate creationDate) throws IOException {
    long bad = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(String.join(",", layout.headers.stream().map(RosterGenerator::quote).toList()));
      out.write("\r\n");
      for (int i = 0; i < rows; i++) {
        int memberNumber = random.nextInt(memberPool);
        List<String> row = member(clientId, memberNumber, version, layout, creationDate);
        if (random.nextDouble() < badFraction) {
          spoil(row, layout);
          bad++;
        }
        out.write(String.join(",", row.stream().map(RosterGenerator::quote).toList()));
        out.write("\r\n");
      }
    }
    return bad;
  }

  private List<String> member(String clientId, int memberNumber, int version, Layout layout, LocalDate creationDate) {
    Random person = new Random(clientId.hashCode() * 31L + memberNumber);
    String first = FIRST[person.nextInt(FIRST.length)];
    String last = LAST[person.nextInt(LAST.length)];
    LocalDate dob = LocalDate.of(1940 + person.nextInt(65), 1 + person.nextInt(12), 1 + person.nextInt(28));
    String[] state = STATE[person.nextInt(STATE.length)];
    String area = AREA[person.nextInt(AREA.length)];
    String exchange = String.valueOf(200 + person.nextInt(800));
    String line = String.format("%04d", person.nextInt(10_000));
    String zip = String.format("%05d", 10_000 + person.nextInt(89_999));
    String street = (100 + person.nextInt(9000)) + " " + LAST[person.nextInt(LAST.length)] + " St"
        + (person.nextInt(5) == 0 ? ", Apt " + (1 + person.nextInt(40)) : "");
    // A member's plan changes in some later versions: those rows are updates, the others unchanged.
    int planIndex = (person.nextInt(PLAN.length) + (person.nextInt(3) == 0 ? version : 0)) % PLAN.length;
    LocalDate coverageStart = LocalDate.of(2024, 1 + person.nextInt(12), 1);

    List<String> row = new ArrayList<>();
    row.add(String.format("%s-%07d", clientId.toUpperCase().replaceAll("[^A-Z0-9]", ""), memberNumber));
    row.add(first);
    row.add(last);
    row.add(layout.dates.format(dob));
    row.add(layout == Layout.CEDAR ? (person.nextBoolean() ? "Female" : "Male") : (person.nextBoolean() ? "F" : "M"));
    row.add((first + "." + last + memberNumber + "@example.org").toLowerCase());
    row.add(layout == Layout.ACME ? "(" + area + ") " + exchange + "-" + line
        : layout == Layout.CANONICAL ? "+1 " + area + " " + exchange + " " + line : area + exchange + line);
    row.add(street);
    row.add(CITY[person.nextInt(CITY.length)]);
    row.add(layout == Layout.ACME ? state[1] : state[0]);
    row.add(layout == Layout.CANONICAL && person.nextBoolean() ? zip + "-" + String.format("%04d", person.nextInt(10_000)) : zip);
    row.add(PLAN[planIndex]);
    row.add(layout.dates.format(coverageStart));
    row.add(person.nextInt(4) == 0 ? layout.dates.format(coverageStart.plusYears(1).minusDays(1)) : "");
    if (layout == Layout.CEDAR) {
      row.add(layout.dates.format(creationDate));
    }
    return row;
  }

  /** Breaks the row in one of the ways real rosters break. */
  private void spoil(List<String> row, Layout layout) {
    switch (random.nextInt(7)) {
      case 0:
        row.set(0, "");
        break;
      case 1:
        row.set(3, "31/31/1999");
        break;
      case 2:
        row.set(6, "12-34");
        break;
      case 3:
        row.set(9, "ZZ");
        break;
      case 4:
        row.set(10, "9O21O");
        break;
      case 5:
        row.set(11, "gold plan");
        break;
      default:
        row.remove(row.size() - 1);
        break;
    }
  }

  private static String quote(String value) {
    if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }
}
