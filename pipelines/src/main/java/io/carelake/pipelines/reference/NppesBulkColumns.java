package io.carelake.pipelines.reference;

import io.carelake.schemas.Reference;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The columns of the NPPES monthly and weekly bulk files ({@code npidata_pfile}, about 330 of them) that
 * silver keeps, by their header names in NPPES's Data Dissemination files. Headers are matched without
 * regard to case; "Provider Gender Code" became "Provider Sex Code" in 2025 and both are read. The 15
 * taxonomy slots are read in order, the primary one being the slot whose switch is {@code Y}.
 */
final class NppesBulkColumns {
  static final String NPI_HEADER = "NPI";
  static final int TAXONOMY_SLOTS = 15;

  /** Header name (any case) to silver column. */
  private static final Map<String, String> SCALARS = scalars();

  private NppesBulkColumns() {}

  /** Where the kept columns are in a file with {@code header}; null positions are columns the file lacks. */
  static Positions positionsIn(List<String> header) {
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      byName.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
    }
    List<String> columns = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (Map.Entry<String, String> scalar : SCALARS.entrySet()) {
      Integer position = byName.get(scalar.getKey());
      if (position != null) {
        columns.add(scalar.getValue());
        positions.add(position);
      }
    }
    int[][] taxonomy = new int[TAXONOMY_SLOTS][];
    for (int slot = 1; slot <= TAXONOMY_SLOTS; slot++) {
      Integer code = byName.get(("Healthcare Provider Taxonomy Code_" + slot).toLowerCase(Locale.ROOT));
      if (code == null) {
        taxonomy[slot - 1] = null;
        continue;
      }
      taxonomy[slot - 1] = new int[] {code,
          byName.getOrDefault(("Provider License Number_" + slot).toLowerCase(Locale.ROOT), -1),
          byName.getOrDefault(("Provider License Number State Code_" + slot).toLowerCase(Locale.ROOT), -1),
          byName.getOrDefault(("Healthcare Provider Primary Taxonomy Switch_" + slot).toLowerCase(Locale.ROOT), -1)};
    }
    Integer npi = byName.get(NPI_HEADER.toLowerCase(Locale.ROOT));
    return new Positions(columns.toArray(new String[0]), positions.stream().mapToInt(Integer::intValue).toArray(),
        taxonomy, npi == null ? null : NPI_HEADER);
  }

  /** The positions of one header, found once per file and split. */
  static final class Positions implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String[] columns;
    private final int[] positions;
    private final int[][] taxonomy;
    private final @Nullable String npiHeader;

    private Positions(String[] columns, int[] positions, int[][] taxonomy, @Nullable String npiHeader) {
      this.columns = columns;
      this.positions = positions;
      this.taxonomy = taxonomy;
      this.npiHeader = npiHeader;
    }

    /** Null when the header has the NPI column; otherwise why the file cannot be read. */
    @Nullable
    String missing() {
      return npiHeader == null ? "the header has no " + NPI_HEADER + " column: not an NPPES npidata file" : null;
    }

    /** The draft of one record's values. */
    ProviderDraft draft(List<String> values) {
      ProviderDraft draft = new ProviderDraft(ProviderDraft.DateFormat.US);
      for (int i = 0; i < columns.length; i++) {
        draft.set(columns[i], values.get(positions[i]));
      }
      String type = draft.get(Reference.ENUMERATION_TYPE);
      if ("1".equals(type)) {
        draft.set(Reference.ENUMERATION_TYPE, Reference.NPI_INDIVIDUAL);
      } else if ("2".equals(type)) {
        draft.set(Reference.ENUMERATION_TYPE, Reference.NPI_ORGANIZATION);
      }
      int[] primary = null;
      int[] only = null;
      int filled = 0;
      for (int[] slot : taxonomy) {
        if (slot == null) {
          continue;
        }
        String code = ProviderValues.text(values.get(slot[0]));
        if (code == null) {
          continue;
        }
        draft.addTaxonomyCode(code);
        filled++;
        only = slot;
        if (primary == null && slot[3] >= 0 && "Y".equalsIgnoreCase(ProviderValues.text(values.get(slot[3])))) {
          primary = slot;
        }
      }
      // A provider with one taxonomy whose switch NPPES left as X ("not answered") has that one as primary.
      if (primary == null && filled == 1) {
        primary = only;
      }
      if (primary != null) {
        draft.set(Reference.PRIMARY_TAXONOMY_CODE, values.get(primary[0]));
        draft.set(Reference.PRIMARY_LICENSE_NUMBER, primary[1] >= 0 ? values.get(primary[1]) : null);
        draft.set(Reference.PRIMARY_LICENSE_STATE, primary[2] >= 0 ? values.get(primary[2]) : null);
      }
      return draft;
    }
  }

  private static Map<String, String> scalars() {
    Map<String, String> scalars = new LinkedHashMap<>();
    scalars.put("NPI", Reference.NPI);
    scalars.put("Entity Type Code", Reference.ENUMERATION_TYPE);
    scalars.put("Provider Organization Name (Legal Business Name)", Reference.ORGANIZATION_NAME);
    scalars.put("Provider Last Name (Legal Name)", Reference.LAST_NAME);
    scalars.put("Provider First Name", Reference.FIRST_NAME);
    scalars.put("Provider Middle Name", Reference.MIDDLE_NAME);
    scalars.put("Provider Name Prefix Text", Reference.NAME_PREFIX);
    scalars.put("Provider Name Suffix Text", Reference.NAME_SUFFIX);
    scalars.put("Provider Credential Text", Reference.CREDENTIAL);
    scalars.put("Provider Sex Code", Reference.SEX);
    scalars.put("Provider Gender Code", Reference.SEX);
    scalars.put("Is Sole Proprietor", Reference.SOLE_PROPRIETOR);
    scalars.put("Is Organization Subpart", Reference.ORGANIZATIONAL_SUBPART);
    scalars.put("Provider First Line Business Practice Location Address", Reference.PRACTICE_ADDRESS_1);
    scalars.put("Provider Second Line Business Practice Location Address", Reference.PRACTICE_ADDRESS_2);
    scalars.put("Provider Business Practice Location Address City Name", Reference.PRACTICE_CITY);
    scalars.put("Provider Business Practice Location Address State Name", Reference.PRACTICE_STATE);
    scalars.put("Provider Business Practice Location Address Postal Code", Reference.PRACTICE_POSTAL_CODE);
    scalars.put("Provider Business Practice Location Address Country Code (If outside U.S.)", Reference.PRACTICE_COUNTRY);
    scalars.put("Provider Business Practice Location Address Telephone Number", Reference.PRACTICE_PHONE);
    scalars.put("Provider First Line Business Mailing Address", Reference.MAILING_ADDRESS_1);
    scalars.put("Provider Second Line Business Mailing Address", Reference.MAILING_ADDRESS_2);
    scalars.put("Provider Business Mailing Address City Name", Reference.MAILING_CITY);
    scalars.put("Provider Business Mailing Address State Name", Reference.MAILING_STATE);
    scalars.put("Provider Business Mailing Address Postal Code", Reference.MAILING_POSTAL_CODE);
    scalars.put("Provider Business Mailing Address Country Code (If outside U.S.)", Reference.MAILING_COUNTRY);
    scalars.put("Authorized Official Last Name", Reference.AUTHORIZED_OFFICIAL_LAST_NAME);
    scalars.put("Authorized Official First Name", Reference.AUTHORIZED_OFFICIAL_FIRST_NAME);
    scalars.put("Authorized Official Title or Position", Reference.AUTHORIZED_OFFICIAL_TITLE);
    scalars.put("Provider Enumeration Date", Reference.ENUMERATION_DATE);
    scalars.put("Last Update Date", Reference.LAST_UPDATED);
    scalars.put("NPI Deactivation Reason Code", Reference.DEACTIVATION_REASON);
    scalars.put("NPI Deactivation Date", Reference.DEACTIVATION_DATE);
    scalars.put("NPI Reactivation Date", Reference.REACTIVATION_DATE);
    Map<String, String> lowerCase = new LinkedHashMap<>();
    scalars.forEach((header, column) -> lowerCase.put(header.toLowerCase(Locale.ROOT), column));
    return lowerCase;
  }
}
