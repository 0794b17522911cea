package io.syndata.neural;

import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.data.InMemorySource;
import io.syndata.data.InMemoryTarget;
import io.syndata.model.FitOptions;
import io.syndata.model.ModelFile;
import io.syndata.model.OrphanPolicy;
import io.syndata.model.SynthModel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaveLoadTest {

  private static FitOptions brief(long seed) {
    return brief(seed, "quantile");
  }

  private static FitOptions brief(long seed, String encoding) {
    Map<String, String> options = new HashMap<>(Tables.QUICK);
    options.put("epochs", "3");
    options.put("encoding", encoding);
    return new FitOptions(
        seed, OrphanPolicy.FAIL, FitOptions.DEFAULT_MAX_FIT_ROWS, "vaegan", options);
  }

  private static Map<String, java.util.List<Object[]>> rows(InMemoryTarget out) {
    Map<String, java.util.List<Object[]>> rows = new HashMap<>();
    for (String t : new String[] {"parent", "child"}) {
      rows.put(t, out.rows(t));
    }
    return rows;
  }

  @Test
  void aLoadedModelSamplesTheRowsTheSavedOneDid(@TempDir Path dir) {
    savedAndLoadedSampleAlike(dir, "quantile");
  }

  @Test
  void aLoadedModeSpecificModelSamplesTheRowsTheSavedOneDid(@TempDir Path dir) {
    SynthModel model = savedAndLoadedSampleAlike(dir, "mode");
    com.fasterxml.jackson.databind.JsonNode codes =
        NeuralCodec.INSTANCE.write(model.table("parent")).get("codes");
    assertThat(codes.get(0).get("kind").asText()).isEqualTo("mode");
    assertThat(codes.get(0).get("modes").get("means").size()).isPositive();
  }

  @Test
  void aFileWithoutModesReadsAsTheQuantileEncoding() {
    SynthModel model = Tables.fit(ParentChildTest.family(300, 3), brief(1));
    com.fasterxml.jackson.databind.JsonNode saved =
        NeuralCodec.INSTANCE.write(model.table("parent"));
    assertThat(saved.get("codes").get(0).get("kind").asText()).isEqualTo("continuous");
    assertThat(saved.get("codes").get(0).has("modes")).isFalse();
    NeuralTableModel read =
        (NeuralTableModel) NeuralCodec.INSTANCE.read(saved, "parent", model.graph());
    assertThat(read.row.columns[0].modes).isNull();
    assertThat(read.row.columns[0].width()).isEqualTo(1);
  }

  private static SynthModel savedAndLoadedSampleAlike(Path dir, String encoding) {
    InMemorySource source = ParentChildTest.family(300, 3);
    SynthModel model = Tables.fit(source, brief(1, encoding));
    Path file = dir.resolve("model.synth");
    ModelFile.write(model, file);
    SynthModel loaded = ModelFile.read(file);
    assertThat(loaded.table("child")).isInstanceOf(NeuralTableModel.class);
    Map<String, java.util.List<Object[]>> before = rows(Tables.generate(model, 9));
    Map<String, java.util.List<Object[]>> after = rows(Tables.generate(loaded, 9));
    for (String t : before.keySet()) {
      assertThat(after.get(t)).as(t).hasSameSizeAs(before.get(t));
      for (int i = 0; i < before.get(t).size(); i++) {
        assertThat(after.get(t).get(i)).as(t + " row " + i).containsExactly(before.get(t).get(i));
      }
    }
    return model;
  }

  @Test
  void trainingIsReproducibleOnTheCpuForASeed() {
    InMemorySource source = ParentChildTest.family(300, 3);
    SynthModel a = Tables.fit(source, brief(4));
    SynthModel b = Tables.fit(source, brief(4));
    SynthModel other = Tables.fit(source, brief(5));
    for (String t : new String[] {"parent", "child"}) {
      String first = NeuralCodec.INSTANCE.write(a.table(t)).get("decoder").toString();
      assertThat(NeuralCodec.INSTANCE.write(b.table(t)).get("decoder").toString())
          .as(t)
          .isEqualTo(first);
      assertThat(NeuralCodec.INSTANCE.write(other.table(t)).get("decoder").toString())
          .as(t + " with another seed")
          .isNotEqualTo(first);
    }
  }
}
