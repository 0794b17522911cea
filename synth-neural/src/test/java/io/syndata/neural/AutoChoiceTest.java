package io.syndata.neural;

import static io.syndata.neural.Tables.col;
import static io.syndata.neural.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.data.InMemorySource;
import io.syndata.data.Progress;
import io.syndata.model.FitOptions;
import io.syndata.model.ModelFile;
import io.syndata.model.ModelKinds;
import io.syndata.model.OrphanPolicy;
import io.syndata.model.SynthModel;
import io.syndata.model.fit.RelationalFit;
import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --model auto} with both kinds installed: vaegan where the copula cannot hold the data (an
 * XOR of three categories), the copula where it can (a linear relation) and, untried, on tiny
 * tables. Small tables and the quick knobs keep each fit to seconds.
 */
class AutoChoiceTest {
  private static final FitOptions AUTO =
      new FitOptions(
          11, OrphanPolicy.FAIL, FitOptions.DEFAULT_MAX_FIT_ROWS, ModelKinds.AUTO, Tables.QUICK);

  private static InMemorySource single(String[] names, DataType type, List<Object[]> rows) {
    List<Column> columns = new ArrayList<>();
    columns.add(col("id", DataType.INTEGER, false));
    for (String name : names) {
      columns.add(col(name, type, false));
    }
    Table t = table("t", columns, List.of("id"), List.of());
    List<Object[]> withIds = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Object[] row = new Object[names.length + 1];
      row[0] = (long) i;
      System.arraycopy(rows.get(i), 0, row, 1, names.length);
      withIds.add(row);
    }
    return InMemorySource.ofRows(new Schema(List.of(t)), Map.of("t", withIds));
  }

  static InMemorySource xor(int n) {
    Random r = new Random(3);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean a = r.nextBoolean();
      boolean b = r.nextBoolean();
      rows.add(new Object[] {a ? "yes" : "no", b ? "on" : "off", a ^ b ? "odd" : "even"});
    }
    return single(new String[] {"a", "b", "c"}, DataType.STRING, rows);
  }

  private static SynthModel fit(InMemorySource source, List<String> notes) {
    return RelationalFit.fit(
        ForeignKeyGraph.of(source.schema()),
        source,
        AUTO,
        new Progress() {
          @Override
          public void note(String message) {
            notes.add(message);
          }
        });
  }

  @Test
  void autoPicksVaeganForAnXorAndTheModelFileSaysWhy(@TempDir Path dir) {
    List<String> notes = new ArrayList<>();
    SynthModel model = fit(xor(2000), notes);
    String why = model.provenance().autoChoices().get("t");
    System.out.println("xor: " + why);
    assertThat(model.provenance().tableKinds()).containsEntry("t", "vaegan");
    assertThat(model.table("t")).isInstanceOf(NeuralTableModel.class);
    // The network kept was trained without the 400 held-out rows.
    assertThat(model.provenance().trainingRows()).containsEntry("t", 1600L);
    assertThat(why).startsWith("vaegan chosen, score ").contains(" vs statistical ");
    assertThat(notes).containsExactly("table t: " + why);
    // The same seed, the same choice: split, both fits, both samples and the score repeat exactly.
    assertThat(fit(xor(2000), new ArrayList<>()).provenance().autoChoices())
        .containsEntry("t", why);
    Path file = dir.resolve("xor.synth");
    ModelFile.write(model, file);
    assertThat(ModelFile.describe(file).provenance().autoChoices()).containsEntry("t", why);
  }

  @Test
  void autoKeepsTheCopulaForALinearRelation() {
    Random r = new Random(5);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      double x = r.nextGaussian();
      rows.add(new Object[] {x, 2 * x + 0.5 * r.nextGaussian()});
    }
    List<String> notes = new ArrayList<>();
    SynthModel model = fit(single(new String[] {"x", "y"}, DataType.FLOAT, rows), notes);
    System.out.println("linear: " + model.provenance().autoChoices().get("t"));
    assertThat(model.provenance().tableKinds()).containsEntry("t", "statistical");
    assertThat(model.provenance().autoChoices().get("t")).startsWith("statistical chosen, score ");
  }

  @Test
  void autoGivesATinyTableToTheCopulaWithoutTraining() {
    List<String> notes = new ArrayList<>();
    SynthModel model = fit(xor(300), notes);
    assertThat(model.provenance().tableKinds()).containsEntry("t", "statistical");
    assertThat(notes)
        .containsExactly("table t: statistical chosen untried: 300 training rows, fewer than 500");
  }
}
