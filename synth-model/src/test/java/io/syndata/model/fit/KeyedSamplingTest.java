package io.syndata.model.fit;

import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.data.Progress;
import io.syndata.data.RowBatch;
import io.syndata.model.FitOptions;
import io.syndata.model.OrphanPolicy;
import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tables larger than --max-fit-rows are sampled by key, children of sampled parents only. */
class KeyedSamplingTest {
  private static final int PARENTS = 3_000;
  private static final FitOptions OPTIONS = new FitOptions(7, OrphanPolicy.FAIL, 1_000);

  @Test
  void theSampleKeepsTheSmallestPrioritiesInAnyOfferOrder() {
    List<Long> priorities = new ArrayList<>();
    Random random = new Random(1);
    for (int i = 0; i < 5_000; i++) {
      priorities.add(random.nextLong());
    }
    Set<Long> expected = new HashSet<>();
    priorities.stream().sorted(Long::compareUnsigned).limit(100).forEach(expected::add);
    for (int round = 0; round < 3; round++) {
      Collections.shuffle(priorities, new Random(round));
      KeyedSample sample = new KeyedSample(100);
      Map<Integer, Long> slots = new HashMap<>();
      for (long p : priorities) {
        int slot = sample.offer(p);
        if (slot >= 0) {
          slots.put(slot, p);
        }
      }
      assertThat(new HashSet<>(slots.values())).isEqualTo(expected);
      assertThat(sample.truncated()).isTrue();
      long previous = 0;
      for (int slot : sample.slotsByPriority()) {
        assertThat(Long.compareUnsigned(slots.get(slot), previous)).isPositive();
        previous = slots.get(slot);
      }
    }
  }

  @Test
  void aSampledChildTableHoldsChildrenOfSampledParentsOnly() {
    Map<String, TableFit> fits = fitAll(rows(false));
    TrainingTable parents = fits.get("parent").training();
    TrainingTable children = fits.get("child").training();
    assertThat(parents.size()).isEqualTo(1_000);
    // The 1,000 sampled parents have 2,000 children, all eligible; 1,000 of them are kept.
    assertThat(children.size()).isEqualTo(1_000);
    for (int i = 0; i < children.size(); i++) {
      assertThat(children.hasParent()[i])
          .as("child row %d has its parent in the sample", i)
          .isTrue();
    }
    // The conditioning value of a child is its parent's x: y was made as x + 1000.
    double[] x = children.conditioning().get(0).values();
    double[] y = column(children, "y");
    for (int i = 0; i < children.size(); i++) {
      assertThat(y[i]).isEqualTo(x[i] + 1000);
    }
    // Child counts are counted over every child row, for the sampled parents: 2 each.
    assertThat(Arrays.stream(parents.childCounts()[0]).distinct()).containsExactly(2);
  }

  @Test
  void theSampleDoesNotDependOnTheOrderTheSourceReturnsRowsIn() {
    Map<String, TableFit> inOrder = fitAll(rows(false));
    Map<String, TableFit> shuffled = fitAll(rows(true));
    for (String table : List.of("parent", "child")) {
      TrainingTable a = inOrder.get(table).training();
      TrainingTable b = shuffled.get(table).training();
      assertThat(column(b, table.equals("parent") ? "x" : "y"))
          .as(table)
          .containsExactly(column(a, table.equals("parent") ? "x" : "y"));
    }
  }

  @Test
  void aTableWithinTheLimitIsFittedWholeInScanOrder() {
    FitOptions roomy = new FitOptions(7, OrphanPolicy.FAIL, 10_000);
    Map<String, TableFit> fits = fitAll(rows(false), roomy);
    TrainingTable children = fits.get("child").training();
    assertThat(children.size()).isEqualTo(2 * PARENTS);
    assertThat(fits.get("child").sampled()).isFalse();
    assertThat(column(children, "y")[0]).isEqualTo(1000.0);
  }

  private static double[] column(TrainingTable t, String name) {
    return t.columns().stream()
        .filter(c -> c.column().name().equals(name))
        .findFirst()
        .orElseThrow()
        .values();
  }

  private static Schema schema() {
    Table parent =
        new Table(
            "parent",
            Optional.empty(),
            List.of(
                Column.of("id", DataType.INTEGER, false), Column.of("x", DataType.FLOAT, false)),
            List.of("id"),
            List.of(),
            List.of(),
            PARENTS);
    Table child =
        new Table(
            "child",
            Optional.empty(),
            List.of(
                Column.of("id", DataType.INTEGER, false),
                Column.of("parent_id", DataType.INTEGER, false),
                Column.of("y", DataType.FLOAT, false)),
            List.of("id"),
            List.of(),
            List.of(new ForeignKey("fk", List.of("parent_id"), "parent", List.of("id"), false)),
            2 * PARENTS);
    return new Schema(List.of(parent, child));
  }

  /** Parent x = its id; two children each, y = x + 1000; optionally in a shuffled order. */
  private static Map<String, List<Object[]>> rows(boolean shuffle) {
    List<Object[]> parents = new ArrayList<>();
    List<Object[]> children = new ArrayList<>();
    for (long i = 0; i < PARENTS; i++) {
      parents.add(new Object[] {i, (double) i});
      children.add(new Object[] {2 * i, i, i + 1000.0});
      children.add(new Object[] {2 * i + 1, i, i + 1000.0});
    }
    if (shuffle) {
      Collections.shuffle(parents, new Random(5));
      Collections.shuffle(children, new Random(6));
    }
    Map<String, List<Object[]>> rows = new LinkedHashMap<>();
    rows.put("parent", parents);
    rows.put("child", children);
    return rows;
  }

  private static Map<String, TableFit> fitAll(Map<String, List<Object[]>> rows) {
    return fitAll(rows, OPTIONS);
  }

  /** Reads the tables as RelationalFit does, parents first, in batches of 700 rows. */
  private static Map<String, TableFit> fitAll(
      Map<String, List<Object[]>> rows, FitOptions options) {
    Schema schema = schema();
    ForeignKeyGraph graph = ForeignKeyGraph.of(schema);
    Map<String, TableFit> fits = new LinkedHashMap<>();
    for (Table t : graph.generationOrder()) {
      TableFit fit = new TableFit(t, graph, fits, options);
      List<Object[]> all = rows.get(t.name());
      for (int start = 0; start < all.size(); start += 700) {
        int n = Math.min(700, all.size() - start);
        Object[][] columns = new Object[fit.scanColumns.size()][n];
        for (int r = 0; r < n; r++) {
          for (int c = 0; c < columns.length; c++) {
            columns[c][r] = all.get(start + r)[c];
          }
        }
        fit.accept(new RowBatch(t.name(), fit.scanColumns, columns, n));
      }
      fit.finishScan(new HashMap<>(), Progress.NONE);
      fits.put(t.name(), fit);
    }
    return fits;
  }
}
