package io.syndata.examples;

import io.syndata.data.Progress;
import io.syndata.engine.GenerateRequest;
import io.syndata.engine.ReportSpec;
import io.syndata.engine.RunReport;
import io.syndata.engine.SourceSpec;
import io.syndata.engine.SynData;
import io.syndata.model.FitOptions;
import io.syndata.model.GenerationOptions;
import io.syndata.model.OrphanPolicy;
import io.syndata.quality.Fidelity;
import io.syndata.quality.ReportOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Java API in one page: a small database in embedded H2 is synthesized into a folder of CSV
 * files, twice as large, with a quality report beside it.
 *
 * <pre>{@code java io.syndata.examples.JavaApiExample ./example-out}</pre>
 */
public final class JavaApiExample {
  private JavaApiExample() {}

  public static void main(String[] args) throws SQLException {
    Path out = Path.of(args.length > 0 ? args[0] : "example-out");
    RunReport report = run(out);
    System.out.println("rows written: " + report.writtenRows());
    report
        .report()
        .ifPresent(
            q ->
                System.out.printf(
                    "quality: %.1f %% (%s), report in %s%n",
                    100 * q.summary().overall(), q.summary().grade(), out.resolve("report")));
  }

  /**
   * Builds the source, then synthesizes it into {@code out/synthetic} with a report in {@code
   * out/report}.
   */
  public static RunReport run(Path out) throws SQLException {
    String source =
        "jdbc:h2:mem:example_"
            + Long.toHexString(System.nanoTime())
            + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
    try (Connection c = DriverManager.getConnection(source);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE authors (id INTEGER PRIMARY KEY, country VARCHAR(2) NOT NULL, born INTEGER NOT NULL)");
      s.execute(
          "CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES authors(id),"
              + " genre VARCHAR(10) NOT NULL, pages INTEGER NOT NULL, price DECIMAL(6,2) NOT NULL)");
      for (int a = 1; a <= 200; a++) {
        s.execute(
            "INSERT INTO authors VALUES ("
                + a
                + ", '"
                + (a % 3 == 0 ? "FR" : "DE")
                + "', "
                + (1940 + a % 60)
                + ")");
        for (int b = 0; b < a % 5; b++) {
          int pages = 120 + (a * 37 + b * 11) % 500;
          s.execute(
              "INSERT INTO books VALUES ("
                  + (a * 10 + b)
                  + ", "
                  + a
                  + ", '"
                  + (b % 2 == 0 ? "novel" : "essay")
                  + "', "
                  + pages
                  + ", "
                  + (5 + pages / 40.0)
                  + ")");
        }
      }
    }
    long seed = 7;
    GenerateRequest request =
        new GenerateRequest(
            SourceSpec.of(source),
            out.resolve("synthetic").toString(),
            new FitOptions(seed, OrphanPolicy.FAIL, FitOptions.DEFAULT_MAX_FIT_ROWS),
            new GenerationOptions(2.0, Map.of(), seed),
            true,
            0.2,
            Optional.of(
                new ReportSpec(
                    out.resolve("report"),
                    new ReportOptions(
                        Optional.of("books.genre"),
                        List.of("authors.born"),
                        Fidelity.DEFAULT_MAX_ROWS,
                        seed))));
    return SynData.generate(request, Progress.NONE);
  }
}
