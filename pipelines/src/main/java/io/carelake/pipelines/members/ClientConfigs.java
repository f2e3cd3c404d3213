package io.carelake.pipelines.members;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.carelake.schemas.Members;
import io.carelake.schemas.SourceRecord;
import io.carelake.transforms.standardize.Dates;
import io.carelake.transforms.standardize.PiiAction;
import io.carelake.transforms.standardize.PiiPolicy;
import io.carelake.transforms.validate.FieldRules;
import io.carelake.transforms.validate.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Loads every client's YAML file from the configuration folder and checks it before any data is
 * touched. A bad file stops the run with a message naming the file and the field.
 */
public final class ClientConfigs {
  static final List<String> DEFAULT_DATE_FORMATS = List.of("yyyy-MM-dd", "MM/dd/yyyy", "yyyyMMdd");
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
  private static final Pattern RELATIVE_DAY = Pattern.compile("today(?:([+-])(\\d+)([dy]))?");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private ClientConfigs() {}

  /** Every {@code *.yaml} / {@code *.yml} file of the folder (any Beam filesystem), by client id. */
  public static Map<String, MemberClient> load(String folder, LocalDate today) {
    Map<String, MemberClient> clients = new TreeMap<>();
    for (MatchResult.Metadata file : configFiles(folder)) {
      String name = file.resourceId().getFilename();
      MemberClient client = compile(name, parse(name, file), today);
      if (clients.putIfAbsent(client.clientId(), client) != null) {
        throw new ConfigException(name + ": client_id: " + client.clientId() + " is configured in two files");
      }
    }
    if (clients.isEmpty()) {
      throw new ConfigException(folder + ": no client configuration (*.yaml) found");
    }
    return clients;
  }

  private static List<MatchResult.Metadata> configFiles(String folder) {
    List<MatchResult.Metadata> files = new ArrayList<>();
    String base = folder.endsWith("/") ? folder : folder + "/";
    try {
      for (String pattern : List.of(base + "*.yaml", base + "*.yml")) {
        files.addAll(FileSystems.match(pattern, EmptyMatchTreatment.ALLOW).metadata());
      }
    } catch (IOException e) {
      throw new ConfigException(folder + ": cannot list client configurations", e);
    }
    files.sort((a, b) -> a.resourceId().toString().compareTo(b.resourceId().toString()));
    return files;
  }

  private static ClientConfig parse(String name, MatchResult.Metadata file) {
    try (InputStream in = Channels.newInputStream(FileSystems.open(file.resourceId()))) {
      ClientConfig config = YAML.readValue(in, ClientConfig.class);
      if (config == null) {
        throw new ConfigException(name + ": the file is empty");
      }
      return config;
    } catch (JsonMappingException e) {
      throw new ConfigException(name + ": " + fieldPath(e) + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ConfigException(name + ": not readable YAML: " + e.getMessage(), e);
    }
  }

  private static String fieldPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "(document)" : path.toString();
  }

  /** Checks one parsed file and compiles it; {@code file} names the file in error messages. */
  static MemberClient compile(String file, ClientConfig config, LocalDate today) {
    Errors errors = new Errors(file);
    String clientId = config.clientId();
    if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
      errors.fail("client_id", "must be letters, digits, '-' or '_', starting with a letter or digit");
    }

    Map<String, String> headerOf = new TreeMap<>();
    Map<String, String> columns = config.columns() == null ? Map.of() : config.columns();
    Set<String> headersUsed = new HashSet<>();
    columns.forEach((canonical, header) -> {
      if (canonical == null || !Members.CANONICAL_COLUMNS.contains(canonical)) {
        errors.fail("columns." + canonical, "not a canonical member column " + Members.CANONICAL_COLUMNS);
      } else if (header == null || header.isBlank()) {
        errors.fail("columns." + canonical, "the client's header name must not be blank");
      } else if (!headersUsed.add(header.strip())) {
        errors.fail("columns." + canonical, "header '" + header.strip() + "' is mapped twice");
      }
    });
    for (String canonical : Members.CANONICAL_COLUMNS) {
      String header = columns.get(canonical);
      headerOf.put(canonical, header == null || header.isBlank() ? canonical : header.strip());
    }
    // An unmapped column is read under its own name, which a mapped column may also claim.
    Map<String, String> canonicalOfHeader = new TreeMap<>();
    headerOf.forEach((canonical, header) -> {
      String other = canonicalOfHeader.putIfAbsent(header, canonical);
      if (other != null) {
        errors.fail("columns", other + " and " + canonical + " would both read header '" + header + "'");
      }
    });

    List<String> patterns = config.dateFormats() == null ? DEFAULT_DATE_FORMATS : config.dateFormats();
    Dates dates = null;
    if (patterns.isEmpty() || patterns.stream().anyMatch(Objects::isNull)) {
      errors.fail("date_formats", "must list at least one pattern, and no empty one");
    } else {
      try {
        dates = Dates.of(patterns);
      } catch (IllegalArgumentException e) {
        errors.fail("date_formats", "invalid pattern: " + e.getMessage());
      }
    }

    String region = config.phoneRegion() == null ? "US" : config.phoneRegion().toUpperCase(Locale.ROOT);
    if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
      errors.fail("phone_region", "not a region libphonenumber knows (ISO 3166 alpha-2, e.g. US)");
    }

    double threshold = config.invalidRatioThreshold() == null ? 0.05 : config.invalidRatioThreshold();
    if (!(threshold >= 0 && threshold <= 1)) {
      errors.fail("invalid_ratio_threshold", "must be between 0 and 1");
    }

    PiiPolicy policy = PiiPolicy.deidentified();
    // Checked as a whole once every column is set, against the silver schema it will be applied to.
    Map<String, String> pii = config.pii() == null ? Map.of() : config.pii();
    for (Map.Entry<String, String> entry : pii.entrySet()) {
      String field = "pii." + entry.getKey();
      if (!Members.CANONICAL_COLUMNS.contains(entry.getKey())) {
        errors.fail(field, "not a canonical member column");
        continue;
      }
      PiiAction action;
      try {
        action = PiiAction.valueOf(String.valueOf(entry.getValue()).strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.fail(field, "must be one of keep, token, mask, drop, generalize");
        continue;
      }
      try {
        policy = policy.withAction(entry.getKey(), action);
      } catch (IllegalArgumentException e) {
        errors.fail(field, e.getMessage());
      }
    }
    try {
      policy.checkApplicableTo(Members.SILVER);
    } catch (IllegalArgumentException e) {
      errors.fail("pii", e.getMessage());
    }
    if (policy.actionFor(Members.MEMBER_ID) == PiiAction.DROP || policy.actionFor(Members.MEMBER_ID) == PiiAction.MASK
        || policy.actionFor(Members.MEMBER_ID) == PiiAction.GENERALIZE) {
      errors.fail("pii.member_id", "the merge key can only be kept or tokenised");
    }

    Set<String> required = new LinkedHashSet<>();
    required.add(Members.MEMBER_ID);
    List<String> configured = config.required() == null ? List.of() : config.required();
    for (int i = 0; i < configured.size(); i++) {
      if (configured.get(i) == null || !Members.CANONICAL_COLUMNS.contains(configured.get(i))) {
        errors.fail("required[" + i + "]", "not a canonical member column");
      }
      required.add(configured.get(i));
    }
    List<Rule<SourceRecord>> rules = new ArrayList<>();
    required.forEach(column -> rules.add(FieldRules.required(column)));
    if (dates != null) {
      rules.addAll(MemberRules.standard(dates, region, today));
    }
    List<ClientConfig.RuleConfig> custom = config.rules() == null ? List.of() : config.rules();
    for (int i = 0; i < custom.size(); i++) {
      Rule<SourceRecord> rule = compileRule("rules[" + i + "]", custom.get(i), dates, today, errors);
      if (rule != null) {
        rules.add(rule);
      }
    }
    errors.throwIfAny();
    return new MemberClient(clientId, Map.copyOf(headerOf), dates, region, List.copyOf(rules), policy, threshold);
  }

  private static @Nullable Rule<SourceRecord> compileRule(
      String field, ClientConfig.RuleConfig rule, @Nullable Dates dates, LocalDate today, Errors errors) {
    if (rule.column() == null || !Members.CANONICAL_COLUMNS.contains(rule.column())) {
      errors.fail(field + ".column", "not a canonical member column");
      return null;
    }
    int kinds = (rule.regex() != null ? 1 : 0) + (rule.allowed() != null ? 1 : 0)
        + (rule.range() != null ? 1 : 0) + (rule.dateWindow() != null ? 1 : 0);
    if (kinds != 1) {
      errors.fail(field, "set exactly one of regex, allowed, range, date_window");
      return null;
    }
    if (rule.regex() != null) {
      try {
        Pattern.compile(rule.regex());
        return FieldRules.matches(rule.column(), rule.regex());
      } catch (PatternSyntaxException e) {
        errors.fail(field + ".regex", "not a valid regular expression: " + e.getDescription());
        return null;
      }
    }
    if (rule.allowed() != null) {
      if (rule.allowed().isEmpty() || rule.allowed().stream().anyMatch(Objects::isNull)) {
        errors.fail(field + ".allowed", "must list at least one value");
        return null;
      }
      return FieldRules.oneOf(rule.column(), Set.copyOf(rule.allowed()), Boolean.TRUE.equals(rule.ignoreCase()));
    }
    if (rule.range() != null) {
      BigDecimal min = number(field + ".range.min", rule.range().min(), errors);
      BigDecimal max = number(field + ".range.max", rule.range().max(), errors);
      if (min != null && max != null && min.compareTo(max) > 0) {
        errors.fail(field + ".range", "min is greater than max");
        return null;
      }
      return FieldRules.between(rule.column(), min, max);
    }
    LocalDate min = day(field + ".date_window.min", rule.dateWindow().min(), today, errors);
    LocalDate max = day(field + ".date_window.max", rule.dateWindow().max(), today, errors);
    if (min != null && max != null && min.isAfter(max)) {
      errors.fail(field + ".date_window", "min is after max");
      return null;
    }
    return dates == null ? null : FieldRules.dateWithin(rule.column(), dates::parse, min, max);
  }

  private static @Nullable BigDecimal number(String field, @Nullable String value, Errors errors) {
    if (value == null) {
      return null;
    }
    try {
      return new BigDecimal(value.strip());
    } catch (NumberFormatException e) {
      errors.fail(field, "not a number");
      return null;
    }
  }

  /** An ISO date, or {@code today} with an optional offset in days or years. */
  static @Nullable LocalDate day(String field, @Nullable String value, LocalDate today, Errors errors) {
    if (value == null) {
      return null;
    }
    Matcher relative = RELATIVE_DAY.matcher(value.strip());
    if (relative.matches()) {
      if (relative.group(1) == null) {
        return today;
      }
      try {
        long amount = Long.parseLong(relative.group(2)) * ("-".equals(relative.group(1)) ? -1 : 1);
        return "d".equals(relative.group(3)) ? today.plusDays(amount) : today.plusYears(amount);
      } catch (NumberFormatException | java.time.DateTimeException e) {
        errors.fail(field, "the offset is out of range");
        return null;
      }
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.fail(field, "expected an ISO date (yyyy-MM-dd), today, or today-<N>d / today+<N>d / today-<N>y");
      return null;
    }
  }

  /** Collects every problem of a file, so a user fixes them in one go. */
  static final class Errors {
    private final String file;
    private final List<String> problems = new ArrayList<>();

    Errors(String file) {
      this.file = file;
    }

    void fail(String field, String problem) {
      problems.add(field + ": " + problem);
    }

    void throwIfAny() {
      if (!problems.isEmpty()) {
        throw new ConfigException(file + ": " + String.join("; ", problems));
      }
    }
  }
}
