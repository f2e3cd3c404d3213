package io.carelake.pipelines.members;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * A small hand-written lake whose every expected count is known: two clients, updates, a duplicate in a
 * batch, an older backfill, a duplicate delivery, bad rows of several kinds, rejected names, a broken
 * gzip. The phone numbers are random, the people invented.
 */
final class MemberLakeFixture {
  static final String ACME_HEADER =
      "MemberID,FirstName,LastName,DOB,Sex,Email,Phone,Address1,City,State,Zip,PlanCode,CoverageStart,CoverageEnd\r\n";

  final Path lake;
  final Path configDir;
  final Path landing;
  final Path keyFile;

  MemberLakeFixture(Path root) throws IOException {
    lake = root;
    configDir = Files.createDirectories(root.resolve("config/members"));
    landing = Files.createDirectories(root.resolve("landing/members"));
    keyFile = root.resolve("token.key");
    Files.writeString(keyFile, "0123456789abcdef0123456789abcdef-test-key\n");
    Files.writeString(configDir.resolve("acme.yaml"), String.join("\n",
        "client_id: acme",
        "date_formats: [\"MM/dd/yyyy\"]",
        "columns:",
        "  member_id: MemberID",
        "  first_name: FirstName",
        "  last_name: LastName",
        "  dob: DOB",
        "  gender: Sex",
        "  email: Email",
        "  phone: Phone",
        "  address_line_1: Address1",
        "  city: City",
        "  state: State",
        "  zip: Zip",
        "  plan_id: PlanCode",
        "  coverage_start: CoverageStart",
        "  coverage_end: CoverageEnd",
        "required: [member_id, last_name, dob, plan_id]",
        "rules:",
        "  - {column: plan_id, regex: \"^[A-Z]{3}-[0-9]{4}$\"}",
        "invalid_ratio_threshold: 0.05",
        ""));
    Files.writeString(configDir.resolve("bluepeak.yaml"), String.join("\n",
        "client_id: bluepeak",
        "pii:",
        "  city: drop",
        "invalid_ratio_threshold: 0.5",
        ""));
  }

  /** The first delivery: 6 records, 3 bad (3 broken rules, wrong column count, no member id), A-1 twice. */
  static final String ACME_0301_1 = ACME_HEADER
      + "A-1,Ava,Hale,01/02/1980,F,Ava.Hale@Example.org,(402) 436-7781,\"12 Elm St, Apt 4\",Lincoln,Nebraska,68504,HMO-1001,01/01/2024,\r\n"
      + "A-2,Liam,Ortiz,03/04/1975,M,liam@example.org,402.436.7782,\"9 Oak\r\nAve\",Omaha,NE,68114-1234,PPO-2002,02/01/2024,12/31/2024\r\n"
      + "A-3,Maya,Nguyen,13/45/1990,F,maya@example.org,12-34,1 Main St,Omaha,ZZ,68114,HMO-1001,01/01/2024,\r\n"
      + "A-4,Noah,Berg,05/06/1960,M,noah@example.org,(402) 436-7783,3 Pine St,Kearney,NE,68847,HMO-1001,01/01/2024\r\n"
      + ",Zoe,Quinn,07/08/1999,F,zoe@example.org,(402) 436-7784,4 Birch St,Lincoln,NE,68505,EPO-3003,01/01/2024,\r\n"
      + "A-1,Ava,Hale,01/02/1980,F,ava.hale@example.org,(402) 436-7781,\"12 Elm St, Apt 4\",Lincoln,NE,68504,PPO-2002,01/01/2024,\r\n";

  /** The next day: A-2 identical, A-1 changes plan, A-5 is new. */
  static final String ACME_0302 = ACME_HEADER
      + "A-2,Liam,Ortiz,03/04/1975,M,liam@example.org,402.436.7782,\"9 Oak\r\nAve\",Omaha,NE,68114-1234,PPO-2002,02/01/2024,12/31/2024\r\n"
      + "A-1,Ava,Hale,01/02/1980,F,ava.hale@example.org,(402) 436-7781,\"12 Elm St, Apt 4\",Lincoln,NE,68504,EPO-3003,01/01/2024,\r\n"
      + "A-5,Omar,Lund,11/12/1988,M,omar@example.org,(617) 555-2368,7 Cedar Rd,Boston,MA,2115,HMO-1001,03/01/2024,\r\n";

  /** An older delivery arriving late: its A-1 must not overwrite the newer one. */
  static final String ACME_0228 = ACME_HEADER
      + "A-1,Ava,Hale,01/02/1980,F,ava.hale@example.org,(402) 436-7781,\"12 Elm St, Apt 4\",Lincoln,NE,68504,HMO-1001,01/01/2023,\r\n";

  static final String BLUEPEAK = "\uFEFFmember_id,first_name,last_name,dob,gender,email,phone,address_line_1,city,state,zip,plan_id,coverage_start,coverage_end\n"
      + "B-1,Iris,Park,1970-05-06,female,iris@example.org,+1 303 555 7714,5 Aspen Way,Denver,colorado,80202,PPO-2002,2024-01-01,\n"
      + "B-2,Theo,Sato,1992-09-10,nonbinary,,,,Denver,CO,80203,EPO-3003,2024-01-01,2024-06-30\n";

  /** Every file of the fixture: three acme deliveries, bluepeak twice, two rejected names, a broken gzip, bad bytes. */
  void writeAll() throws IOException {
    write("acme_20250301_1.csv", ACME_0301_1);
    write("acme_20250302.csv", ACME_0302);
    write("acme_20250228.csv", ACME_0228);
    write("bluepeak_2025-03-01.csv", BLUEPEAK);
    write("bluepeak_20250301.csv", BLUEPEAK);
    write("roster-final.csv", ACME_0302);
    write("zenith_20250301.csv", ACME_0302);
    Files.write(landing.resolve("acme_20250303.csv.gz"), truncatedGzip(ACME_0302));
    byte[] badBytes = (ACME_HEADER + "A-9,J").getBytes(StandardCharsets.UTF_8);
    byte[] withInvalidUtf8 = Arrays.copyOf(badBytes, badBytes.length + 1);
    withInvalidUtf8[badBytes.length] = (byte) 0xC3;
    byte[] rest = "x,Lee,01/01/1990,M,j@example.org,(402) 436-7785,1 A St,Omaha,NE,68114,HMO-1001,01/01/2024,\r\n"
        .getBytes(StandardCharsets.UTF_8);
    byte[] file = Arrays.copyOf(withInvalidUtf8, withInvalidUtf8.length + rest.length);
    System.arraycopy(rest, 0, file, withInvalidUtf8.length, rest.length);
    Files.write(landing.resolve("acme_20250304.csv"), file);
  }

  void write(String name, String content) throws IOException {
    Files.writeString(landing.resolve(name), content);
  }

  private static byte[] truncatedGzip(String content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(content.getBytes(StandardCharsets.UTF_8));
    }
    byte[] whole = bytes.toByteArray();
    return Arrays.copyOf(whole, whole.length / 2);
  }

  String[] args(String... extra) {
    String[] base = {"--lake=" + lake, "--clientConfigDir=" + configDir, "--tokenKeyRef=" + keyFile,
        "--runner=DirectRunner"};
    String[] all = Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }
}
