package io.syndata.model.fit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syndata.schema.ValueFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FormatModelTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static FormatModel learn(ValueFormat format, boolean nullable, String... values) {
    FormatLearner learner = FormatModel.learner(format, nullable, 0);
    for (int i = 0; i < 40; i++) {
      for (String v : values) {
        learner.observe(v);
      }
    }
    return learner.model();
  }

  private static String[] generate(TextGenerator g, int n) {
    String[] out = new String[n];
    g.generate(out, n, new SplittableRandom(7));
    return out;
  }

  @Test
  void jsonKeepsKeyPathsPresenceAndPerPathValues() throws Exception {
    FormatModel model =
        learn(
            ValueFormat.JSON,
            false,
            "{\"name\":\"red\",\"size\":3,\"extra\":{\"ok\":true}}",
            "{\"name\":\"blue\",\"size\":5}",
            "{\"name\":\"red\",\"size\":4,\"tags\":[\"a\",\"b\"]}",
            "{\"name\":\"green\",\"size\":9}");
    int extra = 0;
    for (String doc : generate(model, 400)) {
      JsonNode node = JSON.readTree(doc);
      assertThat(node.get("name").asText()).isIn("red", "blue", "green");
      assertThat(node.get("size").asLong()).isBetween(3L, 9L);
      extra += node.has("extra") ? 1 : 0;
      if (node.has("tags")) {
        assertThat(node.get("tags")).hasSize(2);
      }
    }
    assertThat(extra).isBetween(60, 140); // present in a quarter of the documents
  }

  @Test
  void rareStringsAreNeverCopied() throws Exception {
    FormatLearner learner = FormatModel.learner(ValueFormat.JSON, false, 0);
    for (int i = 0; i < 100; i++) {
      learner.observe("{\"owner\":\"Person " + i + "\"}");
    }
    for (String doc : generate(learner.model(), 200)) {
      assertThat(JSON.readTree(doc).get("owner").asText()).doesNotStartWith("Person ");
    }
  }

  @Test
  void bytesArraysAndAddressesComeInTheirTextForms() {
    for (String v : generate(learn(ValueFormat.BYTES, false, "\\x0a0b0c0d"), 50)) {
      assertThat(v).matches("\\\\x[0-9a-f]{8}");
    }
    for (String v : generate(learn(ValueFormat.ARRAY, false, "{x1,y}", "{x2,y}"), 50)) {
      assertThat(FormatModel.arrayItems(v)).hasSize(2);
    }
    for (String v : generate(learn(ValueFormat.CIDR, false, "192.168.4.0/24"), 50)) {
      assertThat(v).matches("192\\.\\d+\\.\\d+\\.0/24");
    }
    for (String v : generate(learn(ValueFormat.RANGE, true, "[1,11)", "[5,15)"), 50)) {
      assertThat(v).matches("\\[\\d+,\\d+\\)");
    }
    for (String v : generate(learn(ValueFormat.BITS, false, "10100101"), 50)) {
      assertThat(v).matches("[01]{8}");
    }
  }

  @Test
  void aModelFileGivesBackTheSameGenerator() {
    FormatModel model = learn(ValueFormat.JSON, true, "{\"a\":1}", "{\"a\":2,\"b\":\"x\"}");
    TextGenerator loaded = FitJson.text(FitJson.text(model));
    assertThat(generate(loaded, 100)).containsExactly(generate(model, 100));
  }
}
