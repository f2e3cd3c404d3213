package io.carelake.transforms.standardize;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;
import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkState;

import io.carelake.schemas.Members;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What happens to each column of a row before it leaves the identified zone: an immutable map from
 * column name to {@link PiiAction}, {@link PiiAction#KEEP} for every column it does not name.
 *
 * <p>The action applies to string columns (TOKEN, MASK, GENERALIZE) or nullable columns (DROP); a null
 * value stays null. {@link PiiAction#GENERALIZE} is defined for {@code dob} (ISO date to its year,
 * {@code "1984-07-21"} to {@code "1984"}) and {@code zip} (5-digit zip to its first 3 digits). A value
 * that cannot be generalised fails the row instead of passing through: de-identification fails closed.
 * Errors name the column, never the value.
 */
public final class PiiPolicy implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Set<String> GENERALIZABLE = Set.of(Members.DOB, Members.ZIP);
  private static final int MASK_VISIBLE_CHARS = 4;

  // Only columns whose action is not KEEP, sorted so that messages and display data are stable.
  private final TreeMap<String, PiiAction> actions;

  private PiiPolicy(TreeMap<String, PiiAction> actions) {
    this.actions = actions;
  }

  /** A policy that keeps every column, to build a custom policy on with {@link #withAction}. */
  public static PiiPolicy keepAll() {
    return new PiiPolicy(new TreeMap<>());
  }

  /**
   * The policy of a de-identified silver zone for members:
   *
   * <ul>
   *   <li>{@code member_id}: TOKEN. A direct identifier, but also the merge and join key: a deterministic
   *       token keeps SCD merges and joins to claims working.
   *   <li>{@code first_name}, {@code last_name}, {@code email}, {@code phone}: TOKEN. Direct identifiers
   *       with no analytic value of their own; tokens still match exact duplicates across files.
   *   <li>{@code dob}: GENERALIZE to the year, enough for age bands.
   *   <li>{@code address_line_1}: DROP. The strongest quasi-identifier, and no use needs it matched.
   *   <li>{@code zip}: GENERALIZE to 3 digits, the finest geography HIPAA Safe Harbor allows;
   *       {@code zip_plus4}: DROP, since it would narrow the generalised zip back down to a block.
   *   <li>{@code city} and every other column: KEEP.
   * </ul>
   *
   * <p>This is not Safe Harbor by itself: Safe Harbor also removes cities, zeroes the 3-digit zips of
   * areas under 20,000 people and groups ages over 89. A zone shared beyond the analytics team needs
   * those too, or an expert determination.
   */
  public static PiiPolicy deidentified() {
    return keepAll()
        .withAction(Members.MEMBER_ID, PiiAction.TOKEN)
        .withAction(Members.FIRST_NAME, PiiAction.TOKEN)
        .withAction(Members.LAST_NAME, PiiAction.TOKEN)
        .withAction(Members.DOB, PiiAction.GENERALIZE)
        .withAction(Members.EMAIL, PiiAction.TOKEN)
        .withAction(Members.PHONE, PiiAction.TOKEN)
        .withAction(Members.ADDRESS_LINE_1, PiiAction.DROP)
        .withAction(Members.CITY, PiiAction.KEEP)
        .withAction(Members.ZIP, PiiAction.GENERALIZE)
        .withAction(Members.ZIP_PLUS4, PiiAction.DROP);
  }

  /** This policy with {@code action} on {@code column}; GENERALIZE only on {@code dob} and {@code zip}. */
  public PiiPolicy withAction(String column, PiiAction action) {
    checkArgument(column != null && !column.isBlank(), "column must not be blank");
    checkArgument(action != null, "action of %s must not be null", column);
    checkArgument(action != PiiAction.GENERALIZE || GENERALIZABLE.contains(column),
        "GENERALIZE is defined only for dob (to its year) and zip (to 3 digits), not for %s", column);
    TreeMap<String, PiiAction> changed = new TreeMap<>(actions);
    if (action == PiiAction.KEEP) {
      changed.remove(column);
    } else {
      changed.put(column, action);
    }
    return new PiiPolicy(changed);
  }

  public PiiAction actionFor(String column) {
    return actions.getOrDefault(column, PiiAction.KEEP);
  }

  /** The columns that are not kept, by name. */
  public SortedMap<String, PiiAction> actions() {
    return Collections.unmodifiableSortedMap(actions);
  }

  /** Whether {@link #apply} needs a {@link Tokenizer}, and so a key. */
  public boolean needsTokenizer() {
    return actions.containsValue(PiiAction.TOKEN);
  }

  /**
   * Fails, listing every problem, unless each column this policy changes is in {@code schema} with a
   * type its action supports. A missing column fails rather than being skipped, so a misspelt column
   * cannot leave the real one in clear.
   */
  public void checkApplicableTo(Schema schema) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, PiiAction> entry : actions.entrySet()) {
      String column = entry.getKey();
      PiiAction action = entry.getValue();
      if (!schema.hasField(column)) {
        problems.add(column + " is not in the schema");
        continue;
      }
      Schema.FieldType type = schema.getField(column).getType();
      if (action == PiiAction.DROP && !type.getNullable()) {
        problems.add(column + " is not nullable, so it cannot be dropped");
      } else if (action != PiiAction.DROP && type.getTypeName() != TypeName.STRING) {
        problems.add(column + " is " + type.getTypeName() + ", but " + action + " needs a STRING");
      }
    }
    checkArgument(problems.isEmpty(), "PII policy %s does not fit the schema: %s", actions, problems);
  }

  /**
   * A new row of the same schema with the policy applied. {@code tokenizer} may be null when the policy
   * has no TOKEN action.
   */
  public Row apply(Row row, @Nullable Tokenizer tokenizer) {
    if (actions.isEmpty()) {
      return row;
    }
    Schema schema = row.getSchema();
    List<Object> values = new ArrayList<>(row.getValues());
    for (Map.Entry<String, PiiAction> entry : actions.entrySet()) {
      String column = entry.getKey();
      int index = schema.indexOf(column);
      Object value = values.get(index);
      if (value != null) {
        values.set(index, applyTo(column, schema.getField(index).getType(), entry.getValue(), value, tokenizer));
      }
    }
    return Row.withSchema(schema).attachValues(values);
  }

  private static @Nullable Object applyTo(
      String column, Schema.FieldType type, PiiAction action, Object value, @Nullable Tokenizer tokenizer) {
    boolean drop = action == PiiAction.DROP;
    checkArgument(drop ? type.getNullable() : value instanceof String,
        "%s on %s needs a %s column, not %s", action, column, drop ? "nullable" : "STRING", type);
    return switch (action) {
      case KEEP -> value;
      case DROP -> null;
      case TOKEN -> {
        checkState(tokenizer != null, "the policy tokenises %s but no tokenizer was given", column);
        yield tokenizer.token(column, (String) value);
      }
      case MASK -> mask((String) value);
      case GENERALIZE -> generalize(column, (String) value);
    };
  }

  /** The last 4 characters, the rest {@code *}; all {@code *} when the last 4 would be the whole value. */
  static String mask(String value) {
    int characters = value.codePointCount(0, value.length());
    if (characters <= MASK_VISIBLE_CHARS) {
      return "*".repeat(characters);
    }
    int visibleFrom = value.offsetByCodePoints(value.length(), -MASK_VISIBLE_CHARS);
    return "*".repeat(characters - MASK_VISIBLE_CHARS) + value.substring(visibleFrom);
  }

  private static String generalize(String column, String value) {
    if (column.equals(Members.DOB)) {
      checkArgument(value.length() == 10 && allDigits(value, 4) && value.charAt(4) == '-',
          "%s is not an ISO date (uuuu-MM-dd), so it cannot be generalised to its year", column);
      return value.substring(0, 4);
    }
    checkArgument(value.length() == 5 && allDigits(value, 5),
        "%s is not a 5-digit zip, so it cannot be generalised to 3 digits", column);
    return value.substring(0, 3);
  }

  private static boolean allDigits(String value, int count) {
    for (int i = 0; i < count; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof PiiPolicy && actions.equals(((PiiPolicy) other).actions);
  }

  @Override
  public int hashCode() {
    return actions.hashCode();
  }

  @Override
  public String toString() {
    return "PiiPolicy" + actions;
  }
}
