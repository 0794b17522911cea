package io.syndata.connectors;

import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.SqlDetail;
import io.syndata.schema.ValueFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.SQLDialect;
import org.jooq.impl.SQLDataType;

/**
 * Everything that differs between databases, in one place: how a URL names them, where tables live
 * (schema or catalog), what DDL and binding they accept and how foreign keys are declared. The rest
 * of the package speaks plain JDBC and asks the dialect.
 */
enum Dialect {
  POSTGRES("jdbc:postgresql:", SQLDialect.POSTGRES),
  MARIADB("jdbc:mariadb:", SQLDialect.MARIADB),
  MYSQL("jdbc:mysql:", SQLDialect.MYSQL),
  H2("jdbc:h2:", SQLDialect.H2),
  SQLITE("jdbc:sqlite:", SQLDialect.SQLITE),
  DUCKDB("jdbc:duckdb:", SQLDialect.DUCKDB),
  /** Oracle, SQL Server, Snowflake and anything else: standard JDBC, untested. */
  OTHER("jdbc:", SQLDialect.DEFAULT);

  /** How a target declares foreign keys. */
  enum ForeignKeyStyle {
    /** ALTER TABLE ... ADD CONSTRAINT once every table exists. */
    ALTER,
    /** Inline in CREATE TABLE; the parent may be created later (SQLite). */
    INLINE_ANY_ORDER,
    /** Inline in CREATE TABLE, and the parent must exist already (DuckDB). */
    INLINE_PARENTS_FIRST
  }

  private static final Set<String> SYSTEM_NAMESPACES =
      Set.of(
          "information_schema",
          "pg_catalog",
          "pg_toast",
          "mysql",
          "performance_schema",
          "sys",
          "system",
          "temp");

  @SuppressWarnings("deprecation")
  private static final org.jooq.DataType<?> DATETIME =
      org.jooq.impl.DefaultDataType.getDefaultDataType("datetime(6)");

  private final String prefix;
  private final SQLDialect jooq;

  Dialect(String prefix, SQLDialect jooq) {
    this.prefix = prefix;
    this.jooq = jooq;
  }

  /** The name a column's {@link SqlDetail#dialect()} gives this database. */
  String dialectName() {
    return switch (this) {
      case POSTGRES -> "postgresql";
      case MARIADB -> "mariadb";
      case MYSQL -> "mysql";
      case H2 -> "h2";
      case SQLITE -> "sqlite";
      case DUCKDB -> "duckdb";
      case OTHER -> "";
    };
  }

  /**
   * Whether a column's declared type was spelled by this database (or its sibling: MariaDB and
   * MySQL), so that it can be recreated exactly.
   */
  boolean spelled(Column c) {
    String d = c.sql().map(SqlDetail::dialect).orElse("");
    return !d.isEmpty()
        && (d.equals(dialectName())
            || (namespaceIsCatalog() && (d.equals("mariadb") || d.equals("mysql"))));
  }

  /**
   * The portable type and format of a source column ({@link SqlTypes}); SQLite's declared types are
   * free text, read by its affinity rules when no name matches.
   */
  SqlTypes.TypeInfo sourceType(String typeName, int jdbcType, int size, int digits) {
    SqlTypes.TypeInfo t = SqlTypes.map(typeName, jdbcType, size, digits);
    if (this != SQLITE || t.format() != ValueFormat.OTHER) {
      return t;
    }
    String n = typeName.toUpperCase(Locale.ROOT);
    DataType affinity =
        n.contains("INT")
            ? DataType.INTEGER
            : n.contains("REAL") || n.contains("FLOA") || n.contains("DOUB")
                ? DataType.FLOAT
                : DataType.STRING;
    return new SqlTypes.TypeInfo(affinity, 0, 0, 0, ValueFormat.PLAIN);
  }

  /**
   * The SELECT expression that reads a column as canonical text: spatial values as WKT, where the
   * driver would return binary.
   */
  String readExpression(Column c, String quoted) {
    if (c.format() == ValueFormat.GEOMETRY) {
      String type = c.sqlType().toLowerCase(Locale.ROOT);
      if (namespaceIsCatalog()
          || (this == POSTGRES && (type.contains("geometry") || type.contains("geography")))) {
        return "ST_AsText(" + quoted + ")";
      }
    }
    return quoted;
  }

  /** The INSERT placeholder of a column: WKT made a geometry where the column is spatial. */
  String placeholder(Column c) {
    return namespaceIsCatalog() && c.format() == ValueFormat.GEOMETRY ? "ST_GeomFromText(?)" : "?";
  }

  /** Whether a bit string column reads as bytes (MySQL's BIT(n)) rather than as 0s and 1s. */
  boolean bitsAsBytes() {
    return namespaceIsCatalog();
  }

  /**
   * The value to bind for a column's canonical value: bytes for binary columns, bits as a number.
   */
  Object bindable(Column c, Object value) {
    if (value instanceof String s) {
      if (c.format() == ValueFormat.BYTES && this != POSTGRES) {
        return TextValues.hexBytes(s);
      }
      if (c.format() == ValueFormat.GEOMETRY && namespaceIsCatalog() && s.startsWith("(")) {
        // PostgreSQL's point (x,y) as WKT
        return "POINT(" + s.substring(1, s.length() - 1).replace(',', ' ') + ")";
      }
      if (c.format() == ValueFormat.BITS && namespaceIsCatalog() && bitColumn(c)) {
        return s.isEmpty() ? 0L : Long.parseUnsignedLong(s, 2);
      }
    }
    return bindable(value);
  }

  /** Whether a bit string column is created (or kept) as a BIT(n) column here. */
  private boolean bitColumn(Column c) {
    return c.length() > 0
        && c.length() <= 64
        && !c.sqlType().toLowerCase(Locale.ROOT).contains("var");
  }

  static Dialect of(String url) {
    for (Dialect d : values()) {
      if (url.regionMatches(true, 0, d.prefix, 0, d.prefix.length())) {
        return d;
      }
    }
    return OTHER;
  }

  SQLDialect jooq() {
    return jooq;
  }

  /** MariaDB and MySQL call a database a catalog and have no schemas inside it. */
  boolean namespaceIsCatalog() {
    return this == MARIADB || this == MYSQL;
  }

  /** Whether tables have a namespace at all (SQLite has one unnamed database). */
  boolean hasNamespaces() {
    return this != SQLITE;
  }

  static boolean isSystemNamespace(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return SYSTEM_NAMESPACES.contains(n)
        || n.startsWith("pg_temp_")
        || n.startsWith("pg_toast_temp_");
  }

  boolean isSystemTable(String name) {
    return this == SQLITE && name.startsWith("sqlite_");
  }

  /** Whether CREATE TABLE can be rolled back with the rows (else it commits on its own). */
  boolean transactionalDdl() {
    return this == POSTGRES || this == SQLITE || this == DUCKDB;
  }

  ForeignKeyStyle foreignKeyStyle() {
    return switch (this) {
      case SQLITE -> ForeignKeyStyle.INLINE_ANY_ORDER;
      case DUCKDB -> ForeignKeyStyle.INLINE_PARENTS_FIRST;
      default -> ForeignKeyStyle.ALTER;
    };
  }

  /**
   * Whether foreign keys and unique constraints are read from DatabaseMetaData (else from the
   * catalog).
   */
  boolean keysFromMetadata() {
    return this != DUCKDB;
  }

  /** PostgreSQL takes rows fastest through COPY; the others through multi-row INSERT. */
  boolean copiesRows() {
    return this == POSTGRES;
  }

  /** Embedded databases lock their file: one connection at a time. */
  int poolSize() {
    return this == SQLITE || this == DUCKDB ? 1 : 3;
  }

  /** Statements that set up a writing session before its transaction starts. */
  List<String> targetSessionSetup() {
    return switch (this) {
      case SQLITE -> List.of("PRAGMA foreign_keys = ON");
      case MARIADB, MYSQL -> List.of("SET SESSION foreign_key_checks = 1");
      default -> List.of();
    };
  }

  /**
   * Driver properties that open a read-only connection, for drivers that cannot switch an open
   * connection to read-only (they then accept {@code setReadOnly(true)} as a no-op).
   */
  Map<String, String> readOnlyProperties() {
    return switch (this) {
      case SQLITE -> Map.of("open_mode", "1");
      case DUCKDB -> Map.of("duckdb.read_only", "true");
      default -> Map.of();
    };
  }

  /**
   * Whether {@code getObject(i, LocalDate.class)} and friends return the stored value faithfully.
   */
  boolean readsJavaTime() {
    return this != SQLITE;
  }

  /** The value to bind for a canonical value, where the driver does not take the canonical type. */
  Object bindable(Object value) {
    switch (this) {
      case MARIADB, MYSQL -> {
        if (value instanceof OffsetDateTime odt) {
          return odt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (value instanceof UUID) {
          return value.toString();
        }
      }
      case SQLITE -> {
        if (value instanceof LocalDate
            || value instanceof LocalTime
            || value instanceof LocalDateTime
            || value instanceof OffsetDateTime
            || value instanceof UUID) {
          return TextValues.format(value);
        }
        if (value instanceof BigDecimal bd) {
          return bd.toPlainString();
        }
      }
      case DUCKDB -> {
        if (value instanceof LocalDate || value instanceof LocalTime) {
          return value.toString();
        }
      }
      default -> {}
    }
    return value;
  }

  /**
   * The column type a target table gets for a column.
   *
   * @param inKey whether the column is part of a primary, unique or foreign key (MariaDB cannot
   *     index unbounded text)
   */
  org.jooq.DataType<?> columnType(Column c, boolean inKey) {
    if (c.format() != ValueFormat.PLAIN) {
      return formatType(c, inKey);
    }
    return switch (c.type()) {
      case BOOLEAN -> SQLDataType.BOOLEAN;
      case INTEGER -> SQLDataType.BIGINT;
      case DECIMAL -> decimalType(c);
      case FLOAT -> SQLDataType.DOUBLE;
      case STRING -> stringType(c.length(), inKey);
      case DATE -> SQLDataType.LOCALDATE;
      case TIME -> temporalPrecision() ? SQLDataType.LOCALTIME(6) : SQLDataType.LOCALTIME;
      case TIMESTAMP ->
          switch (this) {
              // jOOQ renders TIMESTAMP, which MariaDB limits to 1970-2038 and shifts by the session
              // zone
            case MARIADB, MYSQL -> DATETIME;
            default ->
                temporalPrecision() ? SQLDataType.LOCALDATETIME(6) : SQLDataType.LOCALDATETIME;
          };
      case TIMESTAMP_TZ ->
          switch (this) {
              // no time-zone type: UTC instants in a DATETIME (see bindable)
            case MARIADB, MYSQL -> DATETIME;
            case SQLITE -> SQLDataType.VARCHAR(40);
            default ->
                temporalPrecision() ? SQLDataType.OFFSETDATETIME(6) : SQLDataType.OFFSETDATETIME;
          };
      case UUID ->
          switch (this) {
            case POSTGRES, H2, DUCKDB -> SQLDataType.UUID;
            default -> SQLDataType.CHAR(36);
          };
    };
  }

  @SuppressWarnings("deprecation")
  private static org.jooq.DataType<?> named(String type) {
    return org.jooq.impl.DefaultDataType.getDefaultDataType(type);
  }

  /**
   * The closest type of this database for a column of a database format read from another (or from
   * a file): the format's own type where this database has one, else text.
   */
  private org.jooq.DataType<?> formatType(Column c, boolean inKey) {
    boolean pg = this == POSTGRES;
    boolean my = namespaceIsCatalog();
    if (pg && spelled(c) && !c.sql().orElseThrow().type().isEmpty()) {
      return named(c.sql().orElseThrow().type()); // arrays, ranges, points, domains, enums
    }
    return switch (c.format()) {
      case JSON -> pg ? named("jsonb") : my ? named("json") : text(inKey);
      case BYTES ->
          pg
              ? named("bytea")
              : my ? named(inKey ? "varbinary(255)" : "longblob") : SQLDataType.BLOB;
      case TSVECTOR -> pg ? named("tsvector") : text(inKey);
      case INTERVAL -> pg ? named("interval") : SQLDataType.VARCHAR(100);
      case INET -> pg ? named("inet") : SQLDataType.VARCHAR(50);
      case CIDR -> pg ? named("cidr") : SQLDataType.VARCHAR(50);
      case MACADDR -> pg ? named("macaddr") : SQLDataType.VARCHAR(30);
      case MONEY -> pg ? named("money") : SQLDataType.DECIMAL(19, 2);
      case BITS ->
          pg
              ? named("varbit")
              : my && c.length() > 0 && c.length() <= 64
                  ? named("bit(" + c.length() + ")")
                  : c.length() > 0 && c.length() <= 2000
                      ? SQLDataType.VARCHAR(c.length())
                      : text(inKey);
      case XML -> pg ? named("xml") : text(inKey);
      case GEOMETRY -> my ? named("geometry") : text(inKey);
      case ENUM, SET -> {
        List<String> labels = c.sql().map(SqlDetail::labels).orElse(List.of());
        if (my && !labels.isEmpty()) {
          yield named(
              (c.format() == ValueFormat.SET ? "set(" : "enum(")
                  + String.join(", ", labels.stream().map(ExactDdl::literal).toList())
                  + ")");
        }
        int longest = labels.stream().mapToInt(String::length).max().orElse(255);
        yield SQLDataType.VARCHAR(Math.max(longest, c.format() == ValueFormat.SET ? 255 : 1));
      }
      default -> text(inKey);
    };
  }

  private org.jooq.DataType<?> text(boolean inKey) {
    return stringType(0, inKey);
  }

  private boolean temporalPrecision() {
    return this != DUCKDB && this != SQLITE;
  }

  private org.jooq.DataType<?> decimalType(Column c) {
    int max =
        switch (this) {
          case POSTGRES -> 1000;
          case MARIADB, MYSQL -> 65;
          default -> 38;
        };
    if (c.precision() <= 0) {
      // Unknown precision: PostgreSQL keeps any; elsewhere a bare DECIMAL would drop the fraction.
      return this == POSTGRES
          ? SQLDataType.NUMERIC
          : SQLDataType.DECIMAL(max == 65 ? 65 : 38, Math.max(c.scale(), 10));
    }
    int precision = Math.min(c.precision(), max);
    return SQLDataType.DECIMAL(precision, Math.min(c.scale(), precision));
  }

  private org.jooq.DataType<?> stringType(int length, boolean inKey) {
    boolean bounded = length > 0 && length <= 10_485_760;
    return switch (this) {
      case MARIADB, MYSQL -> {
        if (inKey) {
          yield SQLDataType.VARCHAR(bounded && length <= 768 ? length : 255);
        }
        yield bounded && length <= 2000 ? SQLDataType.VARCHAR(length) : SQLDataType.CLOB;
      }
      case POSTGRES -> bounded ? SQLDataType.VARCHAR(length) : SQLDataType.CLOB;
      default -> bounded ? SQLDataType.VARCHAR(length) : SQLDataType.VARCHAR;
    };
  }

  /** Quotes an identifier. */
  String quote(String identifier) {
    return this == MARIADB || this == MYSQL
        ? "`" + identifier.replace("`", "``") + "`"
        : "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
