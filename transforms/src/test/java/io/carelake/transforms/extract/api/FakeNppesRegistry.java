package io.carelake.transforms.extract.api;

import io.carelake.transforms.extract.api.ReplayServer.Reply;
import io.carelake.transforms.extract.api.ReplayServer.Served;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The NPI Registry API v2.1 over a list of synthetic providers: filters by {@code state} and
 * {@code postal_code} (five digits match ZIP+4s; a trailing {@code *} after two or more digits is a prefix),
 * pages with {@code limit} and {@code skip}, and answers a lone {@code enumeration_type} with the API's
 * {@code Errors} body (HTTP 200). Records come in the 2019 vintage (numbers and epoch seconds as integers)
 * or the newer one (strings, epoch milliseconds, {@code endpoints}).
 */
final class FakeNppesRegistry {
  /** A provider practising in {@code state}, whose mailing address may be in another state. */
  record Provider(long npi, String state, String postalCode, String mailingState) {
    Provider(long npi, String state, String postalCode) {
      this(npi, state, postalCode, state);
    }
  }

  private final List<Provider> providers;
  private final boolean newerVintage;

  FakeNppesRegistry(List<Provider> providers, boolean newerVintage) {
    this.providers = providers;
    this.newerVintage = newerVintage;
  }

  static List<Provider> providers(long firstNpi, int count, String state, String... postalCodes) {
    List<Provider> providers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      providers.add(new Provider(firstNpi + i, state, postalCodes[i % postalCodes.length]));
    }
    return providers;
  }

  Reply answer(Served request) {
    Map<String, String> query = request.query();
    if (!"2.1".equals(query.get("version"))) {
      return Reply.json("{\"Errors\":[{\"description\":\"Unsupported Version\",\"field\":\"version\",\"number\":\"10\"}]}");
    }
    if (query.containsKey("enumeration_type") && query.size() == 4) {
      return Reply.json("{\"Errors\":[{\"description\":\"enumeration_type requires additional search criteria\","
          + "\"field\":\"enumeration_type\",\"number\":\"09\"}]}");
    }
    int limit = Integer.parseInt(query.get("limit"));
    int skip = Integer.parseInt(query.get("skip"));
    List<Provider> matching = providers.stream()
        // As the registry does: without address_purpose a place matches the mailing address too.
        .filter(p -> !query.containsKey("state") || p.state().equals(query.get("state"))
            || !query.containsKey("address_purpose") && p.mailingState().equals(query.get("state")))
        .filter(p -> !query.containsKey("postal_code") || postalMatches(query.get("postal_code"), p.postalCode()))
        .collect(Collectors.toList());
    List<Provider> page = matching.subList(Math.min(skip, matching.size()), Math.min(skip + limit, matching.size()));
    String results = page.stream().map(this::record).collect(Collectors.joining(","));
    return Reply.json("{\"result_count\":" + page.size() + ",\"results\":[" + results + "]}");
  }

  private static boolean postalMatches(String criterion, String postalCode) {
    return criterion.endsWith("*")
        ? postalCode.startsWith(criterion.substring(0, criterion.length() - 1))
        : postalCode.startsWith(criterion);
  }

  private String record(Provider p) {
    String number = newerVintage ? "\"" + p.npi() + "\"" : Long.toString(p.npi());
    String created = newerVintage ? "\"1127757462000\"" : "1127757462";
    String endpoints = newerVintage ? "\"endpoints\":[]," : "";
    return "{\"enumeration_type\":\"NPI-1\",\"number\":" + number + ",\"last_updated_epoch\":" + created
        + ",\"created_epoch\":" + created + ",\"basic\":{\"first_name\":\"TEST\",\"last_name\":\"PROVIDER" + p.npi()
        + "\",\"credential\":\"MD\",\"sole_proprietor\":\"NO\",\"gender\":\"F\",\"enumeration_date\":\"2005-09-26\","
        + "\"last_updated\":\"2019-03-01\",\"status\":\"A\"},\"other_names\":[]," + endpoints
        + "\"addresses\":[{\"country_code\":\"US\",\"country_name\":\"United States\",\"address_purpose\":\"LOCATION\","
        + "\"address_type\":\"DOM\",\"address_1\":\"1 MAIN ST\",\"city\":\"TESTVILLE\",\"state\":\"" + p.state()
        + "\",\"postal_code\":\"" + p.postalCode() + "\",\"telephone_number\":\"555-555-0100\"}],"
        + "\"taxonomies\":[{\"code\":\"207Q00000X\",\"desc\":\"Family Medicine\",\"primary\":true,\"state\":\""
        + p.state() + "\",\"license\":\"L" + p.npi() + "\"}],\"identifiers\":[]}";
  }
}
