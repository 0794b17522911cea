package io.syndata.export;

import io.syndata.data.Target;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code sql}: {@code schema.sql} and {@code data.sql} for the dialect of {@code sql.dialect}
 * (postgresql, the default, mysql, mariadb, h2, sqlite, oracle, sqlserver), {@code
 * sql.rows-per-insert} rows per INSERT (default 500; at most 1,000 for SQL Server), {@code
 * sql.copy=true} for PostgreSQL COPY blocks (run with psql), {@code sql.rows-per-file=N} to cut the
 * data into numbered files of about N rows.
 */
public final class SqlFormat implements ExportFormat {
  @Override
  public String name() {
    return "sql";
  }

  @Override
  public String description() {
    return "schema.sql (DDL) and data.sql (multi-row INSERTs, parents first) for one SQL dialect";
  }

  @Override
  public Set<String> options() {
    return Set.of("sql.dialect", "sql.rows-per-insert", "sql.copy", "sql.rows-per-file");
  }

  @Override
  public Target open(Path folder, ExportOptions options) {
    ScriptDialect sql = ScriptDialect.of(options.string("sql.dialect", "postgresql"));
    int rows = options.integer("sql.rows-per-insert", 500, 1, 100_000);
    boolean copy = options.bool("sql.copy", false);
    if (copy && !sql.copies()) {
      throw new io.syndata.schema.SynthException(
          "sql.copy=true writes PostgreSQL's COPY blocks, which the "
              + sql.name()
              + " dialect has not: leave sql.copy out, or choose --sql-dialect postgresql");
    }
    int perFile = options.integer("sql.rows-per-file", 0, 0, Integer.MAX_VALUE);
    return new SpooledTarget(
        folder, "SQL (" + sql.name() + ")", new SqlWriter(sql, rows, copy, perFile));
  }
}
