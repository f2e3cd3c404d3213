package io.carelake.transforms.extract.tic;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import io.carelake.transforms.extract.tic.BadElement.Section;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads one {@code in_network} or {@code provider_references} element at a time from a parser positioned on
 * its first token, and hands its rows, its reference or a bad element to the sink. Only the current element is
 * held in memory. Not thread-safe: one per file being read.
 *
 * <p>Leniency, on purpose: a number where a string is expected (billing_code 945, a version 2020) is read as
 * its text; a numeric string where a number is expected (a rate "12.50", an NPI "1234567890", a group id "7")
 * is read as the number; a single string where an array of strings is expected is a one-element array; null
 * optional fields are absent. Anything else of the wrong type, and a missing field that a row cannot do
 * without, makes the whole element bad. Required-by-schema fields a row can do without (name, description,
 * billing_code_type_version, setting, network_name) are left to the quality rules.
 */
final class ElementReader {
  private final JsonParser p;
  private final InNetworkSink sink;

  private final TokenCache<String> words = new TokenCache<>(2048, s -> s);
  private final TokenCache<DateText> dates = new TokenCache<>(512, DateText::new);
  private final TokenCache<BigDecimal> decimals = new TokenCache<>(4096, ElementReader::decimal);
  private final TokenCache<String> groupIds = new TokenCache<>(8192, ProviderGroupIds::normalise);

  private final List<RatePart> rates = new ArrayList<>();
  private final List<ProviderGroup> referenceGroups = new ArrayList<>();
  private long[] npiScratch = new long[64];
  private String[] wordScratch = new String[32];

  private long inNetworkElements;
  private long inNetworkBad;
  private long rows;
  private long references;
  private long referencesBad;

  ElementReader(JsonParser parser, InNetworkSink sink) {
    this.p = parser;
    this.sink = sink;
  }

  long inNetworkElements() {
    return inNetworkElements;
  }

  long inNetworkBad() {
    return inNetworkBad;
  }

  long rows() {
    return rows;
  }

  long references() {
    return references;
  }

  long referencesBad() {
    return referencesBad;
  }

  /** Reads the elements of the array whose START_ARRAY is the current token, up to its END_ARRAY. */
  void readInNetworkArray() throws IOException {
    int arrayDepth = p.getParsingContext().getNestingDepth();
    while (next() != JsonToken.END_ARRAY) {
      long index = inNetworkElements;
      long offset = p.currentTokenLocation().getByteOffset();
      try {
        readInNetworkElement(index, offset);
      } catch (MalformedElement e) {
        skipTo(arrayDepth);
        inNetworkBad++;
        sink.badElement(BadElement.of(Section.IN_NETWORK, index, offset, e.byteOffset(), e.getMessage()));
      }
      inNetworkElements++;
    }
  }

  void readProviderReferenceArray() throws IOException {
    int arrayDepth = p.getParsingContext().getNestingDepth();
    while (next() != JsonToken.END_ARRAY) {
      long index = references;
      long offset = p.currentTokenLocation().getByteOffset();
      try {
        sink.providerReference(readProviderReference(index, offset));
      } catch (MalformedElement e) {
        skipTo(arrayDepth);
        referencesBad++;
        sink.badElement(BadElement.of(Section.PROVIDER_REFERENCES, index, offset, e.byteOffset(), e.getMessage()));
      }
      references++;
    }
  }

  /** A top-level array that is not an array: counted as one bad element of its section. */
  void notAnArray(Section section) throws IOException {
    long offset = p.currentTokenLocation().getByteOffset();
    String reason = name(section) + " is " + describe(p.currentToken()) + ", not an array";
    p.skipChildren();
    if (section == Section.IN_NETWORK) {
      inNetworkElements++;
      inNetworkBad++;
    } else {
      references++;
      referencesBad++;
    }
    sink.badElement(BadElement.of(section, -1, offset, offset, reason));
  }

  private void readInNetworkElement(long index, long offset) throws IOException, MalformedElement {
    expect(p.currentToken(), JsonToken.START_OBJECT, "in_network element");
    String arrangement = null;
    String name = null;
    String codeType = null;
    String codeTypeVersion = null;
    String code = null;
    String description = null;
    String severity = null;
    List<ContainedBillingCode> bundled = List.of();
    List<ContainedBillingCode> covered = List.of();
    int rateCount = -1;
    String field;
    while ((field = p.nextFieldName()) != null) {
      JsonToken value = p.nextToken();
      switch (field) {
        case "negotiation_arrangement":
          arrangement = word(value, field);
          break;
        case "name":
          name = text(value, field);
          break;
        case "billing_code_type":
          codeType = word(value, field);
          break;
        case "billing_code_type_version":
          codeTypeVersion = word(value, field);
          break;
        case "billing_code":
          code = text(value, field);
          break;
        case "description":
          description = text(value, field);
          break;
        case "severity_of_illness":
          severity = text(value, field);
          break;
        case "negotiated_rates":
          expect(value, JsonToken.START_ARRAY, field);
          rateCount = readRates();
          break;
        case "bundled_codes":
          bundled = readContainedCodes(value, field);
          break;
        case "covered_services":
          covered = readContainedCodes(value, field);
          break;
        default:
          p.skipChildren();
      }
    }
    require(code, "billing_code");
    require(codeType, "billing_code_type");
    require(arrangement, "negotiation_arrangement");
    if (rateCount < 0) {
      throw missing("negotiated_rates");
    }
    InNetworkItem item = InNetworkItem.of(index, offset, arrangement, name, codeType, codeTypeVersion, code,
        description, severity, bundled, covered);
    long emitted = 0;
    for (int r = 0; r < rateCount; r++) {
      RatePart rate = rates.get(r);
      for (NegotiatedPrice price : rate.prices) {
        for (ProviderGroup group : rate.groups) {
          sink.rate(NegotiatedRateRow.inline(item, r, price, group));
        }
        for (String groupId : rate.groupIds) {
          sink.rate(NegotiatedRateRow.referenced(item, r, price, groupId));
        }
        emitted += rate.groups.size() + rate.groupIds.size();
      }
    }
    rows += emitted;
  }

  /** Reads negotiated_rates into the reusable rate parts; returns how many were read. */
  private int readRates() throws IOException, MalformedElement {
    int count = 0;
    JsonToken token;
    while ((token = next()) != JsonToken.END_ARRAY) {
      expect(token, JsonToken.START_OBJECT, "negotiated_rates entry");
      if (count == rates.size()) {
        rates.add(new RatePart());
      }
      RatePart rate = rates.get(count++);
      rate.clear();
      boolean sawPrices = false;
      String field;
      while ((field = p.nextFieldName()) != null) {
        JsonToken value = p.nextToken();
        switch (field) {
          case "negotiated_prices":
            expect(value, JsonToken.START_ARRAY, field);
            readPrices(rate.prices);
            sawPrices = true;
            break;
          case "provider_groups":
            if (value != JsonToken.VALUE_NULL) {
              expect(value, JsonToken.START_ARRAY, field);
              readGroups(rate.groups);
            }
            break;
          case "provider_references":
            if (value != JsonToken.VALUE_NULL) {
              expect(value, JsonToken.START_ARRAY, field);
              readGroupIds(rate.groupIds);
            }
            break;
          default:
            p.skipChildren();
        }
      }
      if (!sawPrices) {
        throw missing("negotiated_prices");
      }
      if (rate.groups.isEmpty() && rate.groupIds.isEmpty()) {
        throw new MalformedElement("negotiated_rates entry has neither provider_groups nor provider_references",
            offset());
      }
    }
    return count;
  }

  private void readPrices(List<NegotiatedPrice> prices) throws IOException, MalformedElement {
    JsonToken token;
    while ((token = next()) != JsonToken.END_ARRAY) {
      expect(token, JsonToken.START_OBJECT, "negotiated_prices entry");
      String negotiatedType = null;
      BigDecimal rate = null;
      DateText expiration = null;
      String billingClass = null;
      String setting = null;
      List<String> serviceCodes = List.of();
      List<String> modifiers = List.of();
      String additional = null;
      String field;
      while ((field = p.nextFieldName()) != null) {
        JsonToken value = p.nextToken();
        switch (field) {
          case "negotiated_type":
            negotiatedType = word(value, field);
            break;
          case "negotiated_rate":
            rate = decimalValue(value, field);
            break;
          case "expiration_date":
            expiration = date(value, field);
            break;
          case "billing_class":
            billingClass = word(value, field);
            break;
          case "setting":
            setting = word(value, field);
            break;
          case "service_code":
            serviceCodes = words(value, field);
            break;
          case "billing_code_modifier":
            modifiers = words(value, field);
            break;
          case "additional_information":
            additional = word(value, field);
            break;
          default:
            p.skipChildren();
        }
      }
      require(negotiatedType, "negotiated_type");
      require(rate, "negotiated_rate");
      require(expiration, "expiration_date");
      require(billingClass, "billing_class");
      prices.add(NegotiatedPrice.of(negotiatedType, rate, expiration.text, expiration.iso, billingClass, setting,
          serviceCodes, modifiers, additional));
    }
  }

  private void readGroups(List<ProviderGroup> groups) throws IOException, MalformedElement {
    JsonToken token;
    while ((token = next()) != JsonToken.END_ARRAY) {
      groups.add(readGroup(token, "provider_groups entry"));
    }
  }

  private ProviderGroup readGroup(JsonToken token, String what) throws IOException, MalformedElement {
    expect(token, JsonToken.START_OBJECT, what);
    long[] npis = null;
    boolean sawTin = false;
    String tinType = null;
    String tinValue = null;
    String businessName = null;
    String field;
    while ((field = p.nextFieldName()) != null) {
      JsonToken value = p.nextToken();
      if (field.equals("npi")) {
        npis = readNpis(value);
      } else if (field.equals("tin")) {
        expect(value, JsonToken.START_OBJECT, field);
        sawTin = true;
        String tinField;
        while ((tinField = p.nextFieldName()) != null) {
          JsonToken tinToken = p.nextToken();
          switch (tinField) {
            case "type":
              tinType = word(tinToken, "tin.type");
              break;
            case "value":
              tinValue = word(tinToken, "tin.value");
              break;
            case "business_name":
              businessName = word(tinToken, "tin.business_name");
              break;
            default:
              p.skipChildren();
          }
        }
      } else {
        p.skipChildren();
      }
    }
    if (npis == null) {
      throw missing("npi");
    }
    if (!sawTin) {
      throw missing("tin");
    }
    require(tinType, "tin.type");
    require(tinValue, "tin.value");
    return ProviderGroup.of(npis, tinType, tinValue, businessName);
  }

  private long[] readNpis(JsonToken token) throws IOException, MalformedElement {
    expect(token, JsonToken.START_ARRAY, "npi");
    int count = 0;
    JsonToken item;
    while ((item = next()) != JsonToken.END_ARRAY) {
      if (count == npiScratch.length) {
        npiScratch = Arrays.copyOf(npiScratch, count * 2);
      }
      npiScratch[count++] = npi(item);
    }
    return Arrays.copyOf(npiScratch, count);
  }

  private long npi(JsonToken token) throws IOException, MalformedElement {
    try {
      switch (token) {
        case VALUE_NUMBER_INT:
          return p.getLongValue();
        case VALUE_STRING:
          return Long.parseLong(p.getText().trim());
        case VALUE_NUMBER_FLOAT:
          return p.getDecimalValue().longValueExact();
        default:
          throw wrongType(token, "npi entry", "a number");
      }
    } catch (NumberFormatException | ArithmeticException | InputCoercionException e) {
      throw new MalformedElement("npi entry " + p.getText() + " is not a whole number", offset());
    }
  }

  private void readGroupIds(List<String> ids) throws IOException, MalformedElement {
    JsonToken token;
    while ((token = next()) != JsonToken.END_ARRAY) {
      ids.add(groupId(token, "provider_references entry"));
    }
  }

  private String groupId(JsonToken token, String what) throws IOException, MalformedElement {
    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT
        && token != JsonToken.VALUE_STRING) {
      throw wrongType(token, what, "a number");
    }
    try {
      return groupIds.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    } catch (NumberFormatException e) {
      throw new MalformedElement(what + " \"" + p.getText() + "\" is not a number", offset());
    }
  }

  private ProviderReference readProviderReference(long index, long offset) throws IOException, MalformedElement {
    expect(p.currentToken(), JsonToken.START_OBJECT, "provider_references element");
    String groupId = null;
    List<String> networks = List.of();
    boolean sawGroups = false;
    String location = null;
    referenceGroups.clear();
    String field;
    while ((field = p.nextFieldName()) != null) {
      JsonToken value = p.nextToken();
      switch (field) {
        case "provider_group_id":
          groupId = groupId(value, field);
          break;
        case "network_name":
          networks = words(value, field);
          break;
        case "provider_groups":
          if (value != JsonToken.VALUE_NULL) {
            expect(value, JsonToken.START_ARRAY, field);
            readGroups(referenceGroups);
            sawGroups = true;
          }
          break;
        case "provider_group":
          // Drafts of the schema before 1.0 (CMS's 2021 examples) had one group object here.
          referenceGroups.add(readGroup(value, field));
          sawGroups = true;
          break;
        case "location":
          location = text(value, field);
          break;
        default:
          p.skipChildren();
      }
    }
    require(groupId, "provider_group_id");
    if (!sawGroups && location == null) {
      throw new MalformedElement("provider reference has neither provider_groups nor location", offset());
    }
    return ProviderReference.of(index, offset, groupId, networks, List.copyOf(referenceGroups), location);
  }

  private List<ContainedBillingCode> readContainedCodes(JsonToken token, String what)
      throws IOException, MalformedElement {
    if (token == JsonToken.VALUE_NULL) {
      return List.of();
    }
    expect(token, JsonToken.START_ARRAY, what);
    List<ContainedBillingCode> codes = new ArrayList<>();
    JsonToken item;
    while ((item = next()) != JsonToken.END_ARRAY) {
      expect(item, JsonToken.START_OBJECT, what + " entry");
      String type = null;
      String version = null;
      String code = null;
      String description = null;
      String field;
      while ((field = p.nextFieldName()) != null) {
        JsonToken value = p.nextToken();
        switch (field) {
          case "billing_code_type":
            type = word(value, field);
            break;
          case "billing_code_type_version":
            version = word(value, field);
            break;
          case "billing_code":
            code = text(value, field);
            break;
          case "description":
            description = text(value, field);
            break;
          default:
            p.skipChildren();
        }
      }
      require(code, what + ".billing_code");
      codes.add(ContainedBillingCode.of(type, version, code, description));
    }
    return List.copyOf(codes);
  }

  /** A scalar as text, not cached: for values that are mostly distinct (names, descriptions, codes). */
  private @Nullable String text(JsonToken token, String what) throws IOException, MalformedElement {
    switch (token) {
      case VALUE_STRING:
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return p.getText();
      case VALUE_NULL:
        return null;
      default:
        throw wrongType(token, what, "a string");
    }
  }

  /** A scalar as text, shared between equal tokens: for values that repeat through a file. */
  private @Nullable String word(JsonToken token, String what) throws IOException, MalformedElement {
    switch (token) {
      case VALUE_STRING:
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return words.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
      case VALUE_NULL:
        return null;
      default:
        throw wrongType(token, what, "a string");
    }
  }

  private List<String> words(JsonToken token, String what) throws IOException, MalformedElement {
    if (token == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (token != JsonToken.START_ARRAY) {
      String single = word(token, what);
      return List.of(single);
    }
    int count = 0;
    JsonToken item;
    while ((item = next()) != JsonToken.END_ARRAY) {
      String value = word(item, what + " entry");
      if (value != null) {
        if (count == wordScratch.length) {
          wordScratch = Arrays.copyOf(wordScratch, count * 2);
        }
        wordScratch[count++] = value;
      }
    }
    switch (count) {
      case 0:
        return List.of();
      case 1:
        return List.of(wordScratch[0]);
      case 2:
        return List.of(wordScratch[0], wordScratch[1]);
      default:
        return List.of(Arrays.copyOf(wordScratch, count));
    }
  }

  private @Nullable BigDecimal decimalValue(JsonToken token, String what) throws IOException, MalformedElement {
    switch (token) {
      case VALUE_NUMBER_FLOAT:
      case VALUE_NUMBER_INT:
      case VALUE_STRING:
        try {
          return decimals.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        } catch (NumberFormatException e) {
          throw new MalformedElement(what + " \"" + p.getText() + "\" is not a number", offset());
        }
      case VALUE_NULL:
        return null;
      default:
        throw wrongType(token, what, "a number");
    }
  }

  private @Nullable DateText date(JsonToken token, String what) throws IOException, MalformedElement {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw wrongType(token, what, "a string");
    }
    return dates.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
  }

  private static BigDecimal decimal(String text) {
    return new BigDecimal(text.trim());
  }

  private JsonToken next() throws IOException {
    JsonToken token = p.nextToken();
    if (token == null) {
      throw new java.io.EOFException("content ends inside an array");
    }
    return token;
  }

  /** Reads on until the parser is back in the array at {@code depth}, past the bad element's last token. */
  private void skipTo(int depth) throws IOException {
    while (p.getParsingContext().getNestingDepth() > depth) {
      next();
    }
  }

  private void expect(JsonToken actual, JsonToken expected, String what) throws MalformedElement {
    if (actual != expected) {
      throw wrongType(actual, what, expected == JsonToken.START_OBJECT ? "an object" : "an array");
    }
  }

  private MalformedElement wrongType(JsonToken actual, String what, String expected) {
    return new MalformedElement(what + " is " + describe(actual) + ", not " + expected, offset());
  }

  private MalformedElement missing(String field) {
    return new MalformedElement("missing " + field, offset());
  }

  private void require(@Nullable Object value, String field) throws MalformedElement {
    if (value == null) {
      throw missing(field);
    }
  }

  private long offset() {
    return p.currentTokenLocation().getByteOffset();
  }

  private static String name(Section section) {
    return section == Section.IN_NETWORK ? "in_network" : "provider_references";
  }

  static String describe(@Nullable JsonToken token) {
    if (token == null) {
      return "nothing";
    }
    switch (token) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      default:
        return token.toString();
    }
  }

  /** One negotiated_rates entry of the element being read; reused from element to element. */
  private static final class RatePart {
    final List<NegotiatedPrice> prices = new ArrayList<>();
    final List<ProviderGroup> groups = new ArrayList<>();
    final List<String> groupIds = new ArrayList<>();

    void clear() {
      prices.clear();
      groups.clear();
      groupIds.clear();
    }
  }
}
