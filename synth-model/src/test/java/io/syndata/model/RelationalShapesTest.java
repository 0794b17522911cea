package io.syndata.model;

import static io.syndata.model.Fixtures.col;
import static io.syndata.model.Fixtures.fk;
import static io.syndata.model.Fixtures.rows;
import static io.syndata.model.Fixtures.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.syndata.data.InMemorySource;
import io.syndata.data.InMemoryTarget;
import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.Relation;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Self-references, cycles, several parents, orphans and deep schemas. */
class RelationalShapesTest {

  /** employees with a nullable manager (10% without), salary rising with level. */
  static InMemorySource employees() {
    Table t =
        table(
            "employees",
            List.of(
                col("id", DataType.INTEGER, false),
                col("manager_id", DataType.INTEGER, true),
                col("level", DataType.INTEGER, false),
                col("salary", DataType.FLOAT, false)),
            List.of("id"),
            List.of(fk("fk_manager", "manager_id", "employees", "id")));
    Random random = new Random(3);
    List<Object[]> rows = new ArrayList<>();
    for (long i = 1; i <= 500; i++) {
      Long manager =
          i == 1 || random.nextDouble() < 0.1 ? null : 1 + (long) random.nextInt((int) i - 1);
      long level = 1 + random.nextInt(5);
      rows.add(new Object[] {i, manager, level, 30_000.0 + level * 10_000 + random.nextInt(5_000)});
    }
    return InMemorySource.ofRows(new Schema(List.of(t)), Map.of("employees", rows));
  }

  @Test
  void fillsSelfReferenceInSecondPassWithoutCycles() {
    InMemorySource source = employees();
    InMemoryTarget target =
        Fixtures.generate(Fixtures.fit(source, FitOptions.defaults(1)), Fixtures.seed(9));
    Integrity.check(source.schema(), target);
    List<Map<String, Object>> rows = rows(target, "employees");
    assertThat(rows).hasSize(500);
    Map<Object, Object> manager = new HashMap<>();
    Map<Object, Integer> position = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      manager.put(rows.get(i).get("id"), rows.get(i).get("manager_id"));
      position.put(rows.get(i).get("id"), i);
    }
    long nulls = manager.values().stream().filter(v -> v == null).count();
    double realNulls =
        rows(source, "employees").stream().filter(r -> r.get("manager_id") == null).count();
    assertThat((double) nulls).isCloseTo(realNulls, within(25.0));
    manager.forEach(
        (id, m) -> {
          if (m != null) {
            assertThat(position.get(m))
                .as("manager of %s was generated earlier", id)
                .isLessThan(position.get(id));
          }
        });
  }

  /** 3 managers without a manager, each with 99 reports: the flat hierarchy. */
  static InMemorySource flatHierarchy() {
    Table t =
        table(
            "staff",
            List.of(
                col("id", DataType.INTEGER, false),
                col("manager_id", DataType.INTEGER, true),
                col("grade", DataType.INTEGER, false)),
            List.of("id"),
            List.of(fk("fk_manager", "manager_id", "staff", "id")));
    List<Object[]> rows = new ArrayList<>();
    for (long i = 1; i <= 300; i++) {
      Long manager = i <= 3 ? null : 1 + i % 3;
      rows.add(new Object[] {i, manager, i <= 3 ? 9L : 1 + i % 4});
    }
    return InMemorySource.ofRows(new Schema(List.of(t)), Map.of("staff", rows));
  }

  @Test
  void keepsTheDegreesOfAHierarchyFewManagersWithManyReportsEach() {
    InMemorySource source = flatHierarchy();
    SynthModel model = Fixtures.fit(source, FitOptions.defaults(1));
    for (long seed : new long[] {1, 2, 3}) {
      InMemoryTarget target = Fixtures.generate(model, Fixtures.seed(seed));
      Integrity.check(source.schema(), target);
      Map<Object, Integer> reports = new HashMap<>();
      long nulls = 0;
      for (Map<String, Object> row : rows(target, "staff")) {
        Object m = row.get("manager_id");
        if (m == null) {
          nulls++;
        } else {
          reports.merge(m, 1, Integer::sum);
        }
      }
      assertThat(reports).as("managers (the source has 3)").hasSize(3);
      assertThat(reports.values()).allSatisfy(n -> assertThat(n).isBetween(80, 120));
      assertThat(nulls).isBetween(1L, 10L);
    }
  }

  @Test
  void aSavedModelKeepsTheHierarchyShape(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    SynthModel model = Fixtures.fit(flatHierarchy(), FitOptions.defaults(1));
    java.nio.file.Path file = dir.resolve("staff.synth");
    ModelFile.write(model, file);
    FittedModel loaded = ModelFile.read(file);
    Relation self =
        new Relation("staff", model.graph().schema().table("staff").foreignKeys().get(0));
    assertThat(loaded.selfReference(self)).isEqualTo(model.selfReference(self)).isPresent();
    assertThat(loaded.selfReference(self).get().referenced()).isEqualTo(3);
    assertThat(rows(Fixtures.generate(loaded, Fixtures.seed(4)), "staff"))
        .isEqualTo(rows(Fixtures.generate(model, Fixtures.seed(4)), "staff"));
  }

  @Test
  void fillsCycleEdgeInSecondPass() {
    Table departments =
        table(
            "departments",
            List.of(
                col("id", DataType.INTEGER, false),
                col("head_id", DataType.INTEGER, true),
                col("budget", DataType.INTEGER, false)),
            List.of("id"),
            List.of(fk("fk_head", "head_id", "staff", "id")));
    Table staff =
        table(
            "staff",
            List.of(
                col("id", DataType.INTEGER, false),
                col("dept_id", DataType.INTEGER, false),
                col("grade", DataType.STRING, false)),
            List.of("id"),
            List.of(fk("fk_dept", "dept_id", "departments", "id")));
    Random random = new Random(5);
    List<Object[]> ds = new ArrayList<>();
    List<Object[]> ss = new ArrayList<>();
    for (long d = 1; d <= 40; d++) {
      ds.add(
          new Object[] {
            d, random.nextDouble() < 0.25 ? null : 100 + d, (long) random.nextInt(1000)
          });
    }
    for (long s = 1; s <= 300; s++) {
      ss.add(
          new Object[] {100 + s, 1 + (long) random.nextInt(40), random.nextBoolean() ? "A" : "B"});
    }
    InMemorySource source =
        InMemorySource.ofRows(
            new Schema(List.of(departments, staff)), Map.of("departments", ds, "staff", ss));
    SynthModel model = Fixtures.fit(source, FitOptions.defaults(1));
    assertThat(model.graph().deferred()).hasSize(1);
    InMemoryTarget target = Fixtures.generate(model, Fixtures.seed(2));
    Integrity.check(source.schema(), target);
    long heads = target.column("departments", "head_id").stream().filter(v -> v != null).count();
    assertThat(heads).isBetween(20L, 38L);
  }

  @Test
  void orphanPolicies() {
    Table parent =
        table(
            "parent",
            List.of(col("id", DataType.INTEGER, false), col("x", DataType.FLOAT, false)),
            List.of("id"),
            List.of());
    Table child =
        table(
            "child",
            List.of(
                col("id", DataType.INTEGER, false),
                col("parent_id", DataType.INTEGER, true),
                col("y", DataType.FLOAT, false)),
            List.of("id"),
            List.of(fk("fk_parent", "parent_id", "parent", "id")));
    List<Object[]> ps = new ArrayList<>();
    List<Object[]> cs = new ArrayList<>();
    for (long i = 1; i <= 100; i++) {
      ps.add(new Object[] {i, (double) i});
    }
    for (long i = 1; i <= 300; i++) {
      cs.add(new Object[] {i, i % 30 == 0 ? 1000 + i : 1 + i % 100, (double) i});
    }
    InMemorySource source =
        InMemorySource.ofRows(
            new Schema(List.of(parent, child)), Map.of("parent", ps, "child", cs));
    assertThatThrownBy(() -> Fixtures.fit(source, FitOptions.defaults(1)))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("child(parent_id) -> parent(id)")
        .hasMessageContaining("10 orphan rows");

    SynthModel dropped = Fixtures.fit(source, new FitOptions(1, OrphanPolicy.DROP, 1_000));
    assertThat(dropped.provenance().trainingRows()).containsEntry("child", 290L);
    assertThat(dropped.orphans()).containsEntry("child(parent_id) -> parent(id)", 10L);
    Integrity.check(source.schema(), Fixtures.generate(dropped, Fixtures.seed(1)));

    SynthModel nulled = Fixtures.fit(source, new FitOptions(1, OrphanPolicy.NULL, 1_000));
    assertThat(nulled.provenance().trainingRows()).containsEntry("child", 300L);
    assertThat(nulled.table("child").nullRate(model(nulled))).isCloseTo(10 / 300.0, within(1e-9));

    Schema strict =
        new Schema(
            List.of(
                parent,
                child.withColumns(
                    List.of(
                        col("id", DataType.INTEGER, false),
                        col("parent_id", DataType.INTEGER, false),
                        col("y", DataType.FLOAT, false)))));
    InMemorySource strictSource = InMemorySource.ofRows(strict, Map.of("parent", ps, "child", cs));
    assertThatThrownBy(
            () -> Fixtures.fit(strictSource, new FitOptions(1, OrphanPolicy.NULL, 1_000)))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("NOT NULL")
        .hasMessageContaining("child(parent_id) -> parent(id)");
  }

  private static io.syndata.schema.Relation model(SynthModel m) {
    return m.graph().parentsOf("child").get(0);
  }

  @Test
  void samplesLargeTablesDeterministically() {
    InMemorySource source = Fixtures.shop(11, 1500);
    SynthModel a = Fixtures.fit(source, new FitOptions(3, OrphanPolicy.FAIL, 1_000));
    SynthModel b = Fixtures.fit(source, new FitOptions(3, OrphanPolicy.FAIL, 1_000));
    assertThat(a.provenance().trainingRows().get("customers")).isEqualTo(1_000L);
    assertThat(a.provenance().sourceRows().get("customers")).isEqualTo(1_500L);
    InMemoryTarget ta = Fixtures.generate(a, Fixtures.seed(1));
    InMemoryTarget tb = Fixtures.generate(b, Fixtures.seed(1));
    assertThat(ta.rows("orders")).usingRecursiveComparison().isEqualTo(tb.rows("orders"));
    Integrity.check(source.schema(), ta);
  }

  /** users and movies, ratings keyed by both: no duplicate (user, movie) pairs. */
  @Test
  void junctionTableHasNoDuplicatePairs() {
    Table users =
        table(
            "users",
            List.of(col("id", DataType.INTEGER, false), col("age", DataType.INTEGER, false)),
            List.of("id"),
            List.of());
    Table movies =
        table(
            "movies",
            List.of(col("id", DataType.INTEGER, false), col("year", DataType.INTEGER, false)),
            List.of("id"),
            List.of());
    Table ratings =
        table(
            "ratings",
            List.of(
                col("user_id", DataType.INTEGER, false),
                col("movie_id", DataType.INTEGER, false),
                col("score", DataType.INTEGER, false)),
            List.of("user_id", "movie_id"),
            List.of(
                fk("fk_user", "user_id", "users", "id"),
                fk("fk_movie", "movie_id", "movies", "id")));
    Random random = new Random(8);
    List<Object[]> us = new ArrayList<>();
    List<Object[]> ms = new ArrayList<>();
    List<Object[]> rs = new ArrayList<>();
    for (long m = 1; m <= 12; m++) {
      ms.add(new Object[] {m, 1980L + random.nextInt(40)});
    }
    for (long u = 1; u <= 200; u++) {
      us.add(new Object[] {u, 18L + random.nextInt(60)});
      Set<Long> seen = new HashSet<>();
      for (int k = random.nextInt(10); k > 0; k--) {
        long m = 1 + random.nextInt(12);
        if (seen.add(m)) {
          rs.add(new Object[] {u, m, 1L + random.nextInt(5)});
        }
      }
    }
    Map<String, List<Object[]>> data = new LinkedHashMap<>();
    data.put("users", us);
    data.put("movies", ms);
    data.put("ratings", rs);
    InMemorySource source =
        InMemorySource.ofRows(new Schema(List.of(users, movies, ratings)), data);
    InMemoryTarget target =
        Fixtures.generate(Fixtures.fit(source, FitOptions.defaults(1)), Fixtures.seed(4));
    Integrity.check(source.schema(), target);
    assertThat((double) target.rowCount("ratings")).isCloseTo(rs.size(), within(rs.size() * 0.2));
  }

  /** 60 tables: a tree of depth 6, each table with a few attributes. */
  @Test
  void fitsAndGeneratesWideDeepSchema() {
    List<Table> tables = new ArrayList<>();
    Map<String, List<Object[]>> data = new LinkedHashMap<>();
    Random random = new Random(1);
    Map<String, Integer> depth = new HashMap<>();
    for (int i = 0; i < 60; i++) {
      String name = "t" + i;
      List<Column> cols =
          new ArrayList<>(
              List.of(
                  col("id", DataType.INTEGER, false),
                  col("a", DataType.FLOAT, false),
                  col("b", DataType.STRING, false),
                  col("c", DataType.INTEGER, true)));
      List<ForeignKey> fks = new ArrayList<>();
      String parent = null;
      if (i > 0) {
        // Parent chosen among tables of depth < 6, so the tree is 6 deep at most.
        int p;
        do {
          p = i <= 6 ? i - 1 : random.nextInt(i);
        } while (depth.get("t" + p) >= 6);
        parent = "t" + p;
        cols.add(col("parent_id", DataType.INTEGER, false));
        fks.add(fk("fk_" + name, "parent_id", parent, "id"));
        depth.put(name, depth.get(parent) + 1);
      } else {
        depth.put(name, 0);
      }
      tables.add(table(name, cols, List.of("id"), fks));
      List<Object[]> rows = new ArrayList<>();
      int n = parent == null ? 50 : 80 + random.nextInt(80);
      int parentRows = parent == null ? 0 : data.get(parent).size();
      for (long r = 1; r <= n; r++) {
        double a = random.nextGaussian();
        Object[] row =
            parent == null
                ? new Object[] {
                  r, a, a > 0 ? "x" : "y", random.nextBoolean() ? null : (long) random.nextInt(9)
                }
                : new Object[] {
                  r,
                  a,
                  a > 0 ? "x" : "y",
                  random.nextBoolean() ? null : (long) random.nextInt(9),
                  1 + (long) random.nextInt(parentRows)
                };
        rows.add(row);
      }
      data.put(name, rows);
    }
    InMemorySource source = InMemorySource.ofRows(new Schema(tables), data);
    assertThat(depth.values().stream().mapToInt(Integer::intValue).max().orElseThrow())
        .isEqualTo(6);
    SynthModel model = Fixtures.fit(source, FitOptions.defaults(1));
    for (Table t : tables) {
      // Only direct parents condition a table: the model does not grow with depth.
      assertThat(model.table(t.name()).parentColumns().size()).isLessThanOrEqualTo(3);
    }
    InMemoryTarget target = Fixtures.generate(model, Fixtures.seed(1));
    Integrity.check(source.schema(), target);
    assertThat(target.tables()).hasSize(60);
  }
}
