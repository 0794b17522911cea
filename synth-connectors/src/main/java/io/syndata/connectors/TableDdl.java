package io.syndata.connectors;

import io.syndata.schema.Column;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.Constraint;
import org.jooq.DSLContext;
import org.jooq.Name;
import org.jooq.conf.ParamType;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/** The DDL a target runs, rendered by jOOQ in the target's dialect. */
final class TableDdl {
  static {
    // a library must not print banners into its users' output
    System.setProperty("org.jooq.no-logo", System.getProperty("org.jooq.no-logo", "true"));
    System.setProperty("org.jooq.no-tips", System.getProperty("org.jooq.no-tips", "true"));
  }

  private final Dialect dialect;
  private final DSLContext sql;

  TableDdl(Dialect dialect) {
    this.dialect = dialect;
    this.sql = DSL.using(dialect.jooq(), new Settings().withRenderFormatted(false));
  }

  /**
   * CREATE TABLE with the written columns, NOT NULL, the primary key, unique keys and the given
   * inline foreign keys.
   */
  String createTable(String name, Table table, List<NamedKey> inlineForeignKeys) {
    Set<String> keyColumns = new HashSet<>(table.primaryKey());
    table.uniqueKeys().forEach(keyColumns::addAll);
    table.foreignKeys().forEach(fk -> keyColumns.addAll(fk.columns()));
    var create = sql.createTable(DSL.name(name));
    for (Column c : table.writtenColumns()) {
      var type = dialect.columnType(c, keyColumns.contains(c.name())).nullable(c.nullable());
      create = create.column(DSL.name(c.name()), type);
    }
    List<Constraint> constraints = new ArrayList<>();
    if (!table.primaryKey().isEmpty()) {
      constraints.add(DSL.primaryKey(names(table.primaryKey())));
    }
    for (List<String> unique : table.uniqueKeys()) {
      constraints.add(DSL.unique(names(unique)));
    }
    for (NamedKey fk : inlineForeignKeys) {
      constraints.add(foreignKey(fk));
    }
    return create.constraints(constraints).getSQL(ParamType.INLINED);
  }

  String addForeignKey(String table, NamedKey fk) {
    return sql.alterTable(DSL.name(table)).add(foreignKey(fk)).getSQL(ParamType.INLINED);
  }

  String dropForeignKey(String table, String constraint) {
    return sql.alterTable(DSL.name(table))
        .dropForeignKey(DSL.name(constraint))
        .getSQL(ParamType.INLINED);
  }

  String dropTable(String table) {
    return sql.dropTable(DSL.name(table)).getSQL(ParamType.INLINED);
  }

  private static Constraint foreignKey(NamedKey fk) {
    return DSL.constraint(DSL.name(fk.constraint()))
        .foreignKey(names(fk.key().columns()))
        .references(DSL.name(fk.parentTable()), names(fk.key().parentColumns()));
  }

  private static Name[] names(List<String> columns) {
    return columns.stream().map(DSL::name).toArray(Name[]::new);
  }

  /**
   * A foreign key as created in a target: with a constraint name unique in the target (MariaDB
   * wants foreign-key names unique per database) and the target's name of the parent table.
   */
  record NamedKey(String constraint, ForeignKey key, String parentTable) {}
}
