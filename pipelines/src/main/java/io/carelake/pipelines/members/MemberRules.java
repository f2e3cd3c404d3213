package io.carelake.pipelines.members;

import io.carelake.schemas.Members;
import io.carelake.schemas.SourceRecord;
import io.carelake.transforms.standardize.Dates;
import io.carelake.transforms.standardize.Emails;
import io.carelake.transforms.standardize.Genders;
import io.carelake.transforms.standardize.Phones;
import io.carelake.transforms.standardize.UsStates;
import io.carelake.transforms.standardize.Zips;
import io.carelake.transforms.validate.FieldRules;
import io.carelake.transforms.validate.Rule;
import java.time.LocalDate;
import java.util.List;

/**
 * The checks every member record passes whatever its client: each column that standardisation will
 * convert must be convertible, so standardising a valid record cannot fail.
 */
final class MemberRules {
  private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

  private MemberRules() {}

  static List<Rule<SourceRecord>> standard(Dates dates, String phoneRegion, LocalDate today) {
    return List.of(
        FieldRules.dateWithin(Members.DOB, dates::parse, EARLIEST_BIRTH_DATE, today),
        FieldRules.parses(Members.COVERAGE_START, dates::parse, "date_format", "is not a date in the configured formats"),
        FieldRules.parses(Members.COVERAGE_END, dates::parse, "date_format", "is not a date in the configured formats"),
        FieldRules.notAfter(Members.COVERAGE_START, Members.COVERAGE_END, dates::parse),
        // A creation date in the future would outrank every later delivery of the member for ever.
        FieldRules.dateWithin(Members.CREATION_DATE, dates::parse, EARLIEST_BIRTH_DATE, today.plusDays(1)),
        FieldRules.parses(Members.PHONE, value -> Phones.toE164(value, phoneRegion), "format", "is not a valid phone number"),
        FieldRules.parses(Members.EMAIL, value -> Emails.isValid(value) ? value : null, "format", "is not an email address"),
        FieldRules.parses(Members.STATE, UsStates::toCode, "code", "is not a US state, territory or military state"),
        FieldRules.parses(Members.ZIP, Zips::parse, "format", "is not a 5 or 9 digit ZIP code"),
        FieldRules.parses(Members.GENDER, Genders::toCode, "code", "is not a recognised gender"));
  }
}
