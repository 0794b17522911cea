package io.syndata.export;

import io.syndata.data.RowBatch;
import io.syndata.data.SchemaFilter;
import io.syndata.data.Source;
import io.syndata.schema.DataType;
import io.syndata.schema.Schema;
import io.syndata.schema.SchemaFile;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A folder holding the workbook an {@code xlsx} export writes ({@code data.xlsx}) with its {@code
 * schema.json}, read as a source: each table's rows come from its sheets (a long table continues on
 * numbered ones, as the {@code tables} sheet lists), cell by cell through a SAX parse of the sheet
 * XML, so memory stays flat. Values are read as the schema's types: numbers from the cell's stored
 * value (never its displayed text), dates and times from Excel's serial numbers, text as written.
 */
public final class XlsxSource implements Source {
  static final String WORKBOOK = "data.xlsx";

  private final Path folder;
  private final Path workbook;
  private final Schema schema;

  private XlsxSource(Path folder, Schema schema) {
    this.folder = folder;
    this.workbook = folder.resolve(WORKBOOK);
    this.schema = schema;
  }

  /** Whether {@code folder} holds an xlsx export's workbook. */
  public static boolean holdsWorkbook(Path folder) {
    return Files.isRegularFile(folder.resolve(WORKBOOK));
  }

  /**
   * @param schemaFile the schema to read the workbook with; else the folder's {@code schema.json}
   * @throws SynthException when neither is there
   */
  public static XlsxSource open(Path folder, Optional<Schema> schemaFile) {
    Path schemaPath = folder.resolve(CsvFolderTarget.SCHEMA_FILE);
    Schema schema =
        schemaFile.orElseGet(
            () -> {
              if (!Files.isRegularFile(schemaPath)) {
                throw new SynthException(
                    "folder "
                        + folder
                        + " holds an Excel workbook but no schema.json to read it with: give its"
                        + " schema with --schema");
              }
              return SchemaFile.read(schemaPath);
            });
    return new XlsxSource(folder, schema);
  }

  @Override
  public Schema introspect(SchemaFilter filter) {
    filter.checkAllNamed(schema.tables().stream().map(Table::name).toList(), List.of());
    Map<String, List<String>> sheets = sheetsByTable();
    List<Table> tables = new ArrayList<>();
    for (Table t : schema.tables()) {
      if (filter.acceptsTable(t.name())) {
        if (!sheets.containsKey(t.name())) {
          throw new SynthException(
              "workbook " + workbook + " has no sheet for table " + t.name() + " of its schema");
        }
        tables.add(t);
      }
    }
    return new Schema(tables);
  }

  @Override
  public long scan(Table table, List<String> columns, Consumer<RowBatch> consumer) {
    List<String> sheets = sheetsByTable().get(table.name());
    if (sheets == null) {
      throw new SynthException("workbook " + workbook + " has no sheet for table " + table.name());
    }
    DataType[] types = columns.stream().map(c -> table.column(c).type()).toArray(DataType[]::new);
    int[] scales = columns.stream().mapToInt(c -> table.column(c).scale()).toArray();
    Batcher batcher = new Batcher(table.name(), columns, consumer);
    for (String sheet : sheets) {
      readSheet(
          sheet,
          new RowHandler() {
            int[] at;

            @Override
            public void row(int index, String[] raw, String[] kinds) {
              if (index == 0) {
                at = new int[columns.size()];
                List<String> header = Arrays.asList(raw);
                for (int c = 0; c < at.length; c++) {
                  at[c] = header.indexOf(columns.get(c));
                  if (at[c] < 0) {
                    throw new SynthException(
                        "workbook "
                            + workbook
                            + ", sheet "
                            + sheet
                            + ": no column "
                            + columns.get(c)
                            + " in its header row "
                            + header);
                  }
                }
                return;
              }
              Object[] row = new Object[at.length];
              for (int c = 0; c < at.length; c++) {
                int i = at[c];
                String v = i < raw.length ? raw[i] : null;
                Object value =
                    v == null ? null : value(types[c], v, kinds[i], sheet, index, columns.get(c));
                // A decimal went through a double: give it back its declared scale.
                if (value instanceof BigDecimal d && scales[c] > 0 && d.scale() < scales[c]) {
                  value = d.setScale(scales[c]);
                }
                row[c] = value;
              }
              batcher.add(row);
            }
          });
    }
    return batcher.finish();
  }

  /** A cell's value as the column's type; {@code kind} is the cell's type attribute. */
  private Object value(
      DataType type, String raw, String kind, String sheet, int row, String column) {
    boolean number = kind == null || kind.equals("n");
    try {
      return switch (type) {
        case BOOLEAN -> kind != null && kind.equals("b") ? raw.equals("1") : Boolean.valueOf(raw);
        case INTEGER -> number ? new BigDecimal(raw).longValueExact() : Long.valueOf(raw);
        case DECIMAL -> new BigDecimal(raw);
        case FLOAT -> Double.valueOf(raw);
        case STRING -> raw;
        case DATE ->
            number
                ? DateUtil.getLocalDateTime(Double.parseDouble(raw)).toLocalDate()
                : LocalDate.parse(raw);
        case TIME -> LocalTime.ofNanoOfDay(Math.round(Double.parseDouble(raw) * 86_400e9));
        case TIMESTAMP ->
            number ? DateUtil.getLocalDateTime(Double.parseDouble(raw)) : LocalDateTime.parse(raw);
        case TIMESTAMP_TZ ->
            number
                ? DateUtil.getLocalDateTime(Double.parseDouble(raw)).atOffset(ZoneOffset.UTC)
                : java.time.OffsetDateTime.parse(raw);
        case UUID -> UUID.fromString(raw);
        default -> raw;
      };
    } catch (RuntimeException e) {
      throw new SynthException(
          "workbook "
              + workbook
              + ", sheet "
              + sheet
              + ", row "
              + (row + 1)
              + ", column "
              + column
              + ": '"
              + raw
              + "' is not a value of the schema's type "
              + type,
          e);
    }
  }

  /** The sheets of each table, from the workbook's {@code tables} sheet. */
  private Map<String, List<String>> sheetsByTable() {
    Map<String, List<String>> sheets = new LinkedHashMap<>();
    readSheet(
        XlsxWriter.INDEX_SHEET,
        (index, raw, kinds) -> {
          if (index > 0 && raw.length > 1 && raw[0] != null && raw[1] != null) {
            sheets.put(raw[0], List.of(raw[1].split(", ")));
          }
        });
    return sheets;
  }

  @FunctionalInterface
  private interface RowHandler {
    /** One row: its 0-based index in the sheet, raw cell texts and cell types, by column. */
    void row(int index, String[] raw, String[] kinds);
  }

  private void readSheet(String name, RowHandler handler) {
    try (OPCPackage pkg = OPCPackage.open(workbook.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
      XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
      while (it.hasNext()) {
        try (InputStream in = it.next()) {
          if (it.getSheetName().equals(name)) {
            parser().parse(in, new SheetHandler(strings, handler));
            return;
          }
        }
      }
      throw new SynthException("workbook " + workbook + " has no sheet " + name);
    } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException e) {
      throw new SynthException("cannot read workbook " + workbook + ": " + e.getMessage(), e);
    }
  }

  private static SAXParser parser() throws ParserConfigurationException, SAXException {
    SAXParserFactory f = SAXParserFactory.newInstance();
    f.setNamespaceAware(false);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newSAXParser();
  }

  /** Rows of a sheet's XML: {@code <row>}, {@code <c r t>}, {@code <v>} or {@code <is><t>}. */
  private static final class SheetHandler extends DefaultHandler {
    private final ReadOnlySharedStringsTable strings;
    private final RowHandler rows;
    private final Map<Integer, String> raw = new HashMap<>();
    private final Map<Integer, String> kinds = new HashMap<>();
    private final StringBuilder text = new StringBuilder();
    private int rowIndex = -1;
    private int column;
    private String kind;
    private boolean inValue;

    SheetHandler(ReadOnlySharedStringsTable strings, RowHandler rows) {
      this.strings = strings;
      this.rows = rows;
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes a) {
      switch (qName) {
        case "row" -> {
          String r = a.getValue("r");
          rowIndex = r == null ? rowIndex + 1 : Integer.parseInt(r) - 1;
          column = -1;
          raw.clear();
          kinds.clear();
        }
        case "c" -> {
          column = columnOf(a.getValue("r"), column + 1);
          kind = a.getValue("t");
          text.setLength(0);
        }
        case "v", "t" -> inValue = true;
        default -> {}
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inValue) {
        text.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String local, String qName) {
      switch (qName) {
        case "v", "t" -> inValue = false;
        case "c" -> {
          String value = text.toString();
          if ("s".equals(kind)) {
            value = strings.getItemAt(Integer.parseInt(value)).getString();
          }
          raw.put(column, value);
          kinds.put(column, kind);
        }
        case "row" -> {
          int width = raw.keySet().stream().mapToInt(i -> i + 1).max().orElse(0);
          String[] values = new String[width];
          String[] types = new String[width];
          raw.forEach((i, v) -> values[i] = v);
          kinds.forEach((i, v) -> types[i] = v);
          rows.row(rowIndex, values, types);
          column = -1;
        }
        default -> {}
      }
    }

    /** The 0-based column of a cell reference such as {@code AB12}. */
    private static int columnOf(String ref, int fallback) {
      if (ref == null) {
        return fallback;
      }
      int c = 0;
      for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
        c = c * 26 + (ref.charAt(i) - 'A' + 1);
      }
      return c - 1;
    }
  }

  /** Gathers rows into batches of {@link Source#BATCH_SIZE}. */
  private static final class Batcher {
    private final String table;
    private final List<String> columns;
    private final Consumer<RowBatch> consumer;
    private Object[][] values;
    private int size;
    private long total;

    Batcher(String table, List<String> columns, Consumer<RowBatch> consumer) {
      this.table = table;
      this.columns = columns;
      this.consumer = consumer;
      this.values = new Object[columns.size()][BATCH_SIZE];
    }

    void add(Object[] row) {
      for (int c = 0; c < row.length; c++) {
        values[c][size] = row[c];
      }
      if (++size == BATCH_SIZE) {
        flush();
      }
    }

    private void flush() {
      if (size > 0) {
        consumer.accept(new RowBatch(table, columns, values, size));
        total += size;
        values = new Object[columns.size()][BATCH_SIZE];
        size = 0;
      }
    }

    long finish() {
      flush();
      return total;
    }
  }

  @Override
  public String describe() {
    return "Excel workbook " + workbook;
  }

  @Override
  public void close() {}
}
