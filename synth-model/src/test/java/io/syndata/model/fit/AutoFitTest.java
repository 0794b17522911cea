package io.syndata.model.fit;

import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.data.InMemorySource;
import io.syndata.data.Progress;
import io.syndata.model.FitOptions;
import io.syndata.model.KeyFormat;
import io.syndata.model.ModelKinds;
import io.syndata.model.ModelTrainer;
import io.syndata.model.OrphanPolicy;
import io.syndata.model.SynthModel;
import io.syndata.model.TableModel;
import io.syndata.model.TableModelCodec;
import io.syndata.model.TableSample;
import io.syndata.model.statistical.StatisticalTrainer;
import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Relation;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code --model auto}'s choice, with a stand-in contender that resamples the training rows (it
 * holds every relation of the data, as a network that learned it would) against the copula.
 */
class AutoFitTest {
  private static final FitOptions OPTIONS =
      new FitOptions(
          7, OrphanPolicy.FAIL, FitOptions.DEFAULT_MAX_FIT_ROWS, ModelKinds.AUTO, Map.of());

  private static final ModelTrainer COPULA = new StatisticalTrainer();

  /** Three categorical columns, c = a XOR b when {@code xor}, else c independent of both. */
  private static TrainingTable categories(int n, boolean xor) {
    Random r = new Random(3);
    double[][] v = new double[3][n];
    for (int i = 0; i < n; i++) {
      boolean a = r.nextBoolean();
      boolean b = r.nextBoolean();
      boolean c = xor ? a ^ b : r.nextBoolean();
      v[0][i] = a ? 1 : 0;
      v[1][i] = b ? 1 : 0;
      v[2][i] = c ? 1 : 0;
    }
    List<Column> columns = new ArrayList<>();
    List<TrainingColumn> training = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      Column c = Column.of("abc".substring(k, k + 1), DataType.STRING, false);
      columns.add(c);
      training.add(new TrainingColumn(c, true, List.of("no", "yes"), Optional.empty(), v[k]));
    }
    Table t = new Table("t", Optional.empty(), columns, List.of(), List.of(), List.of(), n);
    return new TrainingTable(
        t,
        n,
        n,
        List.of("a", "b", "c"),
        training,
        Map.of(),
        List.of(),
        new int[0][],
        Optional.empty(),
        List.of(),
        new boolean[n],
        Map.of(),
        Map.of(),
        Optional.empty());
  }

  @Test
  void aContenderThatHoldsAnXorIsChosenAndBothScoresAreSaid() {
    Resampler contender = new Resampler();
    List<String> notes = new ArrayList<>();
    AutoFit.Choice choice =
        AutoFit.fit(categories(3000, true), List.of(COPULA, contender), OPTIONS, notes(notes));
    assertThat(choice.kind()).isEqualTo("resampler");
    assertThat(choice.model()).isInstanceOf(Resampled.class);
    assertThat(choice.reason())
        .matches(
            "resampler chosen, score 0\\.9\\d\\d vs statistical 0\\.[78]\\d\\d \\(shapes/pairs/triples .*; 600"
                + " held-out rows, margin 0\\.01\\)");
    assertThat(notes).containsExactly("table t: " + choice.reason());
    // The winner was fitted once, on the rows not held out.
    assertThat(contender.fittedRows).containsExactly(2400);
    assertThat(choice.trainingRows()).isEqualTo(2400);
  }

  @Test
  void theCopulaKeepsATableWhereTheContenderIsNoBetter() {
    AutoFit.Choice choice =
        AutoFit.fit(
            categories(3000, false), List.of(COPULA, new Resampler()), OPTIONS, Progress.NONE);
    assertThat(choice.kind()).isEqualTo("statistical");
    assertThat(choice.reason()).startsWith("statistical chosen, score 0.9");
    // Refitted on every row, not only the training share.
    assertThat(choice.model().table().name()).isEqualTo("t");
  }

  @Test
  void aTinyTableGoesToTheDefaultUntried() {
    Resampler contender = new Resampler();
    AutoFit.Choice choice =
        AutoFit.fit(categories(300, true), List.of(COPULA, contender), OPTIONS, Progress.NONE);
    assertThat(choice.kind()).isEqualTo("statistical");
    assertThat(choice.reason())
        .isEqualTo("statistical chosen untried: 300 training rows, fewer than 500");
    assertThat(contender.fittedRows).isEmpty();
  }

  @Test
  void theChoiceIsTheSameForTheSameSeed() {
    String first =
        AutoFit.fit(
                categories(2000, true), List.of(COPULA, new Resampler()), OPTIONS, Progress.NONE)
            .reason();
    String again =
        AutoFit.fit(
                categories(2000, true), List.of(COPULA, new Resampler()), OPTIONS, Progress.NONE)
            .reason();
    assertThat(again).isEqualTo(first);
  }

  @Test
  void theScoreOfTheHeldOutRowsThemselvesIsOne() {
    TrainingTable t = categories(1000, true);
    Object[][] values = new Object[3][2000];
    for (int c = 0; c < 3; c++) {
      for (int r = 0; r < 2000; r++) {
        values[c][r] = t.columns().get(c).decode(t.columns().get(c).values()[r / 2]);
      }
    }
    HoldoutScore.Score s =
        HoldoutScore.score(
            t, List.of("a", "b", "c"), new TableSample(values, new int[0][], 2000), 2);
    assertThat(s.shapes()).isEqualTo(1.0);
    assertThat(s.pairs()).isEqualTo(1.0);
    assertThat(s.triples()).isEqualTo(1.0);
  }

  @Test
  void withOnlyTheCopulaInstalledAutoSaysSoOnceAndRecordsWhy() {
    List<Column> columns = List.of(Column.of("x", DataType.INTEGER, false));
    Table a = new Table("a", Optional.empty(), columns, List.of(), List.of(), List.of(), 0);
    Table b = new Table("b", Optional.empty(), columns, List.of(), List.of(), List.of(), 0);
    List<Object[]> rows = new ArrayList<>();
    for (long i = 0; i < 50; i++) {
      rows.add(new Object[] {i});
    }
    InMemorySource source =
        InMemorySource.ofRows(new Schema(List.of(a, b)), Map.of("a", rows, "b", rows));
    List<String> notes = new ArrayList<>();
    SynthModel model =
        RelationalFit.fit(ForeignKeyGraph.of(source.schema()), source, OPTIONS, notes(notes));
    assertThat(notes)
        .containsExactly(
            "--model auto: statistical is the only model kind installed (synth-neural, which adds"
                + " vaegan, is not on the class path), so every table gets it");
    assertThat(model.provenance().autoChoices())
        .containsEntry("a", "statistical chosen untried: the only installed kind");
  }

  private static Progress notes(List<String> into) {
    return new Progress() {
      @Override
      public void note(String message) {
        into.add(message);
      }
    };
  }

  /** A contender that draws whole training rows: every relation of the sample is kept. */
  private static final class Resampler implements ModelTrainer {
    final List<Integer> fittedRows = new ArrayList<>();

    @Override
    public String kind() {
      return "resampler";
    }

    @Override
    public double suitability(Table table, long rows) {
      return 0;
    }

    @Override
    public TableModel fit(TrainingTable data, FitOptions options) {
      fittedRows.add(data.size());
      return new Resampled(data);
    }

    @Override
    public TableModelCodec codec() {
      throw new UnsupportedOperationException();
    }
  }

  private record Resampled(TrainingTable data) implements TableModel {
    @Override
    public Table table() {
      return data.table();
    }

    @Override
    public long sourceRows() {
      return data.sourceRows();
    }

    @Override
    public List<String> attributeColumns() {
      return data.attributeColumns();
    }

    @Override
    public List<Relation> childRelations() {
      return List.of();
    }

    @Override
    public Optional<Relation> parentRelation() {
      return Optional.empty();
    }

    @Override
    public List<String> parentColumns() {
      return List.of();
    }

    @Override
    public Map<String, KeyFormat> keyFormats() {
      return Map.of();
    }

    @Override
    public double nullRate(Relation relation) {
      return 0;
    }

    @Override
    public TableSample sample(int n, Object[][] parentValues, SplittableRandom random) {
      Object[][] values = new Object[data.columns().size()][n];
      for (int r = 0; r < n; r++) {
        int row = random.nextInt(data.size());
        for (int c = 0; c < values.length; c++) {
          TrainingColumn col = data.columns().get(c);
          values[c][r] = col.decode(col.values()[row]);
        }
      }
      return new TableSample(values, new int[0][], n);
    }
  }
}
