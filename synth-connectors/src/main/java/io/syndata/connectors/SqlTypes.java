package io.syndata.connectors;

import io.syndata.schema.DataType;
import io.syndata.schema.ValueFormat;
import java.sql.Types;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portable type and value format of a database column, from its type name first (drivers
 * disagree on type codes), then from its JDBC type code. Every type maps to something: a type
 * SynData does not know is text of format {@link ValueFormat#OTHER}, so introspection never stops
 * on it.
 */
final class SqlTypes {
  private SqlTypes() {}

  /** A column's portable type, its length, precision and scale, and its value format. */
  record TypeInfo(DataType type, int length, int precision, int scale, ValueFormat format) {}

  /**
   * Length, precision and scale as a type name may spell them: {@code varchar(20)}, {@code
   * decimal(10,2)}.
   */
  private static final Pattern TYPE_ARGUMENTS =
      Pattern.compile(".*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\).*");

  private static final Map<String, ValueFormat> FORMATS =
      Map.ofEntries(
          Map.entry("json", ValueFormat.JSON),
          Map.entry("jsonb", ValueFormat.JSON),
          Map.entry("bytea", ValueFormat.BYTES),
          Map.entry("blob", ValueFormat.BYTES),
          Map.entry("tinyblob", ValueFormat.BYTES),
          Map.entry("mediumblob", ValueFormat.BYTES),
          Map.entry("longblob", ValueFormat.BYTES),
          Map.entry("binary", ValueFormat.BYTES),
          Map.entry("varbinary", ValueFormat.BYTES),
          Map.entry("binary varying", ValueFormat.BYTES),
          Map.entry("image", ValueFormat.BYTES),
          Map.entry("raw", ValueFormat.BYTES),
          Map.entry("long raw", ValueFormat.BYTES),
          Map.entry("bytes", ValueFormat.BYTES),
          Map.entry("tsvector", ValueFormat.TSVECTOR),
          Map.entry("interval", ValueFormat.INTERVAL),
          Map.entry("inet", ValueFormat.INET),
          Map.entry("cidr", ValueFormat.CIDR),
          Map.entry("macaddr", ValueFormat.MACADDR),
          Map.entry("macaddr8", ValueFormat.MACADDR),
          Map.entry("money", ValueFormat.MONEY),
          Map.entry("smallmoney", ValueFormat.MONEY),
          Map.entry("varbit", ValueFormat.BITS),
          Map.entry("bit varying", ValueFormat.BITS),
          Map.entry("xml", ValueFormat.XML),
          Map.entry("int4range", ValueFormat.RANGE),
          Map.entry("int8range", ValueFormat.RANGE),
          Map.entry("numrange", ValueFormat.RANGE),
          Map.entry("daterange", ValueFormat.RANGE),
          Map.entry("tsrange", ValueFormat.RANGE),
          Map.entry("tstzrange", ValueFormat.RANGE),
          Map.entry("point", ValueFormat.GEOMETRY),
          Map.entry("geometry", ValueFormat.GEOMETRY),
          Map.entry("geography", ValueFormat.GEOMETRY),
          Map.entry("linestring", ValueFormat.GEOMETRY),
          Map.entry("polygon", ValueFormat.GEOMETRY),
          Map.entry("multipoint", ValueFormat.GEOMETRY),
          Map.entry("multilinestring", ValueFormat.GEOMETRY),
          Map.entry("multipolygon", ValueFormat.GEOMETRY),
          Map.entry("geometrycollection", ValueFormat.GEOMETRY),
          Map.entry("enum", ValueFormat.ENUM),
          Map.entry("set", ValueFormat.SET));

  static TypeInfo map(String typeName, int jdbcType, int size, int digits) {
    String n =
        typeName
            .toLowerCase(Locale.ROOT)
            .replaceAll("\\(.*?\\)", "")
            .replace(" unsigned", "")
            .replace(" zerofill", "")
            .trim();
    Matcher arguments = TYPE_ARGUMENTS.matcher(typeName);
    if (arguments.matches()) {
      // the declared size beats the driver's guess (SQLite reports DECIMAL(10,2) as size 12)
      size = Integer.parseInt(arguments.group(1));
      digits = arguments.group(2) == null ? 0 : Integer.parseInt(arguments.group(2));
    }
    if (n.equals("bigint") && typeName.toLowerCase(Locale.ROOT).contains("unsigned")) {
      // up to 2^64 - 1: more than a long holds
      return new TypeInfo(DataType.DECIMAL, 0, 20, 0, ValueFormat.PLAIN);
    }
    if (n.endsWith("[]") || (n.startsWith("_") && jdbcType == Types.ARRAY)) {
      return new TypeInfo(DataType.STRING, 0, 0, 0, ValueFormat.ARRAY);
    }
    if (n.equals("bit") && size > 1 || n.equals("varbit") || n.equals("bit varying")) {
      return new TypeInfo(
          DataType.STRING, size > 0 && size < 10_485_760 ? size : 0, 0, 0, ValueFormat.BITS);
    }
    ValueFormat format = FORMATS.get(n);
    if (format == null && n.startsWith("enum")) {
      format = ValueFormat.ENUM; // DuckDB and MySQL may print the labels with the name
    }
    if (format != null) {
      int length = format == ValueFormat.ENUM || format == ValueFormat.SET ? 0 : size;
      return new TypeInfo(
          DataType.STRING,
          format == ValueFormat.BYTES && length < 10_485_760 ? Math.max(length, 0) : 0,
          0,
          0,
          format);
    }
    int length = size <= 0 || size >= 10_485_760 ? 0 : size;
    DataType byName =
        switch (n) {
          case "uuid", "uniqueidentifier" -> DataType.UUID;
          case "bool", "boolean" -> DataType.BOOLEAN;
          case "bit" -> DataType.BOOLEAN;
          case "tinyint" ->
              jdbcType == Types.BIT || jdbcType == Types.BOOLEAN
                  ? DataType.BOOLEAN
                  : DataType.INTEGER;
          case "smallint",
                  "int",
                  "integer",
                  "bigint",
                  "mediumint",
                  "int2",
                  "int4",
                  "int8",
                  "serial",
                  "bigserial",
                  "smallserial",
                  "serial2",
                  "serial4",
                  "serial8",
                  "utinyint",
                  "usmallint",
                  "uinteger",
                  "year" ->
              DataType.INTEGER;
          case "numeric", "decimal", "number", "dec", "hugeint", "ubigint" -> DataType.DECIMAL;
          case "real",
                  "float",
                  "double",
                  "double precision",
                  "float4",
                  "float8",
                  "binary_float",
                  "binary_double" ->
              DataType.FLOAT;
          case "date" -> DataType.DATE;
          case "time", "time without time zone", "timetz", "time with time zone" -> DataType.TIME;
          case "timestamp",
                  "datetime",
                  "datetime2",
                  "smalldatetime",
                  "timestamp without time zone",
                  "timestamp_ntz" ->
              DataType.TIMESTAMP;
          case "timestamptz",
                  "timestamp with time zone",
                  "datetimeoffset",
                  "timestamp_tz",
                  "timestamp_ltz" ->
              DataType.TIMESTAMP_TZ;
          case "char",
                  "character",
                  "varchar",
                  "character varying",
                  "nchar",
                  "nvarchar",
                  "bpchar",
                  "varchar2",
                  "nvarchar2",
                  "string",
                  "citext",
                  "name" ->
              DataType.STRING;
          case "text", "tinytext", "mediumtext", "longtext", "clob", "nclob", "ntext" -> {
            length = 0;
            yield DataType.STRING;
          }
          default -> null;
        };
    DataType type =
        byName != null
            ? byName
            : switch (jdbcType) {
              case Types.BOOLEAN -> DataType.BOOLEAN;
              case Types.BIT -> size <= 1 ? DataType.BOOLEAN : null;
              case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> DataType.INTEGER;
              case Types.NUMERIC, Types.DECIMAL -> DataType.DECIMAL;
              case Types.REAL, Types.FLOAT, Types.DOUBLE -> DataType.FLOAT;
              case Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR -> DataType.STRING;
              case Types.LONGVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB -> {
                length = 0;
                yield DataType.STRING;
              }
              case Types.DATE -> DataType.DATE;
              case Types.TIME, Types.TIME_WITH_TIMEZONE -> DataType.TIME;
              case Types.TIMESTAMP -> DataType.TIMESTAMP;
              case Types.TIMESTAMP_WITH_TIMEZONE -> DataType.TIMESTAMP_TZ;
              default -> null;
            };
    if (type == null) {
      if (jdbcType == Types.BINARY
          || jdbcType == Types.VARBINARY
          || jdbcType == Types.LONGVARBINARY
          || jdbcType == Types.BLOB) {
        return new TypeInfo(DataType.STRING, 0, 0, 0, ValueFormat.BYTES);
      }
      if (jdbcType == Types.ARRAY) {
        return new TypeInfo(DataType.STRING, 0, 0, 0, ValueFormat.ARRAY);
      }
      return new TypeInfo(DataType.STRING, 0, 0, 0, ValueFormat.OTHER);
    }
    return switch (type) {
      case STRING -> new TypeInfo(type, length, 0, 0, ValueFormat.PLAIN);
        // with the precision unknown the reported scale is a driver default, not the column's
      case DECIMAL ->
          size <= 0 || size >= 1000
              ? new TypeInfo(type, 0, 0, 0, ValueFormat.PLAIN)
              : new TypeInfo(type, 0, size, Math.max(digits, 0), ValueFormat.PLAIN);
      default -> new TypeInfo(type, 0, 0, 0, ValueFormat.PLAIN);
    };
  }
}
