package io.carelake.transforms.extract.tic;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carelake.transforms.extract.tic.InNetworkFileGenerator.ReferencesPlacement;
import io.carelake.transforms.extract.tic.InNetworkFileGenerator.Written;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** The generator's files read back with the counts it promised, in every combination of its settings. */
@RunWith(JUnit4.class)
public class InNetworkFileGeneratorTest {
  @Test
  public void everyCombinationReadsBackWithTheWrittenCounts() throws IOException {
    for (int version : new int[] {1, 2}) {
      for (ReferencesPlacement placement : ReferencesPlacement.values()) {
        for (boolean floatIds : new boolean[] {false, true}) {
          for (int malformedEvery : new int[] {0, 7}) {
            InNetworkFileGenerator generator = InNetworkFileGenerator.create().withSchemaMajorVersion(version)
                .withReferencesPlacement(placement).withFloatGroupIds(floatIds).withMalformedEvery(malformedEvery)
                .withTargetBytes(300_000);
            String label = version + " " + placement + " " + floatIds + " " + malformedEvery;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Written written = generator.write(bytes);
            CollectingSink sink = new CollectingSink();
            ParseSummary summary = InNetworkFileParser.create()
                .parse(new ByteArrayInputStream(bytes.toByteArray()), sink);

            assertThat(label, summary.fileError(), nullValue());
            assertThat(label, (long) bytes.size(), is(written.bytes()));
            assertThat(label, written.bytes(), greaterThan(300_000L));
            assertThat(label, summary.inNetworkElements(), is(written.inNetworkElements()));
            assertThat(label, summary.inNetworkBadElements(), is(written.inNetworkBadElements()));
            assertThat(label, summary.rateRows(), is(written.rateRows()));
            assertThat(label, (long) sink.rows.size(), is(written.rateRows()));
            assertThat(label, summary.providerReferences(), is(written.providerReferences()));
            assertThat(label, (long) sink.bad.size(), is(written.inNetworkBadElements()));
            assertThat(label, summary.header().version(), equalTo(version == 2 ? "2.0.0" : "1.3.0"));

            Set<String> referenced = sink.rows.stream().map(NegotiatedRateRow::providerGroupId)
                .filter(id -> id != null).collect(Collectors.toSet());
            Set<String> defined = sink.references.stream().map(ProviderReference::providerGroupId)
                .collect(Collectors.toSet());
            referenced.removeAll(defined);
            assertThat(label + ": every referenced id is defined", referenced, empty());
            if (floatIds) {
              assertThat(label, defined, hasItem("1003.5"));
            }
            if (malformedEvery > 0) {
              assertThat(label, sink.bad.get(0).elementIndex(), is((long) malformedEvery - 1));
            }
            assertThat(label, sink.rows.stream().anyMatch(row -> row.providerGroup() != null), is(true));
          }
        }
      }
    }
  }

  @Test
  public void filesAreWellFormedJsonAndTheSameForTheSameSeed() throws IOException {
    InNetworkFileGenerator generator = InNetworkFileGenerator.create().withTargetBytes(50_000)
        .withReferencesPlacement(ReferencesPlacement.AFTER_IN_NETWORK).withFloatGroupIds(true);
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    ByteArrayOutputStream second = new ByteArrayOutputStream();
    generator.write(first);
    generator.write(second);

    assertThat(first.toByteArray(), equalTo(second.toByteArray()));
    JsonNode root = new ObjectMapper().readTree(first.toByteArray());
    assertThat(root.get("in_network").isArray(), is(true));
    assertThat(root.get("provider_references").size(), is(200));
    assertThat(first.toString(StandardCharsets.UTF_8), containsString("{\"provider_group_id\":1000.50,"));
    assertThat("a float id referenced without its trailing zero",
        Pattern.compile("[\\[,]1\\d\\d\\d\\.5[,\\]]").matcher(first.toString(StandardCharsets.UTF_8)).find(), is(true));
  }
}
