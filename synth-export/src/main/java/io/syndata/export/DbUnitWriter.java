package io.syndata.export;

import io.syndata.schema.Column;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

/**
 * DbUnit's flat XML: one {@code dataset.xml} with {@code <dataset>} holding an element per row,
 * named after its table, with an attribute per non-NULL value (NULL is an absent attribute); tables
 * in foreign-key order, parents first, and an attribute-less element for an empty table. Timestamps
 * are written {@code yyyy-MM-dd HH:mm:ss.f}, the form DbUnit reads.
 *
 * <p>Written with a plain writer rather than StAX: StAX leaves tabs and line breaks in attribute
 * values raw, and parsers turn those into spaces.
 */
final class DbUnitWriter implements SpooledTarget.Writer {
  static final String FILE = "dataset.xml";

  @Override
  public void check(Schema schema) {
    for (Table t : schema.tables()) {
      if (!XmlText.isName(t.name())) {
        throw new SynthException(
            "table "
                + t.name()
                + " is not an XML name, which DbUnit's flat XML needs: choose another format");
      }
      for (Column c : t.writtenColumns()) {
        if (!XmlText.isName(c.name())) {
          throw new SynthException(
              "table "
                  + t.name()
                  + ", column "
                  + c.name()
                  + " is not an XML name, which DbUnit's flat XML needs: choose another format");
        }
      }
    }
  }

  @Override
  public void write(SpooledTarget.Spooled data, Path folder) throws IOException {
    try (Writer out =
        new BufferedWriter(
            new OutputStreamWriter(
                Files.newOutputStream(folder.resolve(FILE)), StandardCharsets.UTF_8),
            1 << 16)) {
      out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<dataset>\n");
      StringBuilder line = new StringBuilder(256);
      for (Table t : data.order()) {
        if (data.rows(t.name()) == 0) {
          out.write("  <" + t.name() + "/>\n");
          continue;
        }
        List<Column> columns = t.writtenColumns();
        long[] index = {0};
        data.forEach(
            t,
            row -> {
              line.setLength(0);
              line.append("  <").append(t.name());
              for (int c = 0; c < row.length; c++) {
                if (row[c] == null) {
                  continue;
                }
                String text =
                    row[c] instanceof LocalDateTime ts
                        ? ts.toLocalDate() + " " + CsvFolderTarget.text(ts.toLocalTime())
                        : CsvFolderTarget.text(row[c]);
                XmlText.checkChars(text, t.name(), columns.get(c).name(), index[0]);
                line.append(' ').append(columns.get(c).name()).append("=\"");
                XmlText.attribute(line, text);
                line.append('"');
              }
              line.append("/>\n");
              out.append(line);
              index[0]++;
            });
      }
      out.write("</dataset>\n");
    }
  }
}
