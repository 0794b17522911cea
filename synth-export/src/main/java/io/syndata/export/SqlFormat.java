package io.syndata.export;

import io.syndata.connectors.SqlRenderer;
import io.syndata.data.Target;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code sql}: {@code schema.sql} and {@code data.sql} for the dialect of {@code sql.dialect}
 * (postgresql, the default, mysql, mariadb, h2, sqlite), {@code sql.rows-per-insert} rows per
 * INSERT (default 500).
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
    return Set.of("sql.dialect", "sql.rows-per-insert");
  }

  @Override
  public Target open(Path folder, ExportOptions options) {
    SqlRenderer sql = SqlRenderer.of(options.string("sql.dialect", "postgresql"));
    int rows = options.integer("sql.rows-per-insert", 500, 1, 100_000);
    return new SpooledTarget(folder, "SQL (" + sql.name() + ")", new SqlWriter(sql, rows));
  }
}
