package io.syndata.export;

import io.syndata.schema.Column;
import io.syndata.schema.Table;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * XML, streamed with StAX: {@code <table>.xml} holding {@code <table name="…">} with one {@code
 * <row>} per row and, inside it, an element per non-NULL value named after its column ({@link
 * XmlText#elementName}); NULL is an absent element, the empty string an empty one. Values are
 * written as the CSV format writes them (ISO-8601 dates and times, plain decimals).
 */
final class XmlWriter implements SpooledTarget.Writer {
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  @Override
  public void write(SpooledTarget.Spooled data, Path folder) throws IOException {
    for (Table t : data.order()) {
      try (OutputStream out =
          new BufferedOutputStream(
              Files.newOutputStream(folder.resolve(t.name() + ".xml")), 1 << 16)) {
        write(t, data, out);
      } catch (XMLStreamException e) {
        throw new IOException("writing " + t.name() + ".xml: " + e.getMessage(), e);
      }
    }
  }

  private static void write(Table t, SpooledTarget.Spooled data, OutputStream out)
      throws XMLStreamException, IOException {
    XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
    List<Column> columns = t.writtenColumns();
    String[] elements =
        columns.stream().map(c -> XmlText.elementName(c.name())).toArray(String[]::new);
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeCharacters("\n");
    xml.writeStartElement("table");
    xml.writeAttribute("name", t.name());
    xml.writeCharacters("\n");
    long[] index = {0};
    data.forEach(
        t,
        row -> {
          try {
            xml.writeStartElement("row");
            for (int c = 0; c < elements.length; c++) {
              if (row[c] == null) {
                continue;
              }
              String text = CsvFolderTarget.text(row[c]);
              XmlText.checkChars(text, t.name(), columns.get(c).name(), index[0]);
              xml.writeStartElement(elements[c]);
              characters(xml, text);
              xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            index[0]++;
          } catch (XMLStreamException e) {
            throw new IOException(e.getMessage(), e);
          }
        });
    xml.writeEndElement();
    xml.writeCharacters("\n");
    xml.writeEndDocument();
    xml.close();
  }

  /**
   * Text content; a carriage return as a character reference, which parsers would otherwise drop.
   */
  private static void characters(XMLStreamWriter xml, String text) throws XMLStreamException {
    int from = 0;
    for (int i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', from)) {
      xml.writeCharacters(text.substring(from, i));
      xml.writeEntityRef("#13");
      from = i + 1;
    }
    xml.writeCharacters(text.substring(from));
  }
}
