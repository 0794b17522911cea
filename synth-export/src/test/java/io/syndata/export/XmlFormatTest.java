package io.syndata.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.data.Target;
import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class XmlFormatTest {
  @TempDir Path dir;

  static Document parse(Path file) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      return f.newDocumentBuilder().parse(file.toFile());
    } catch (Exception e) {
      throw new AssertionError("cannot parse " + file + ": " + e.getMessage(), e);
    }
  }

  static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
        out.add((Element) nodes.item(i));
      }
    }
    return out;
  }

  @Test
  void writesAnElementPerRowReadBackByTheJdkDomParser() {
    Path out = dir.resolve("out");
    try (Target target = Exporters.open(List.of("xml"), out, ExportOptions.DEFAULTS)) {
      ExportFixture.write(target);
    }
    ExportFixture.assertSameData(
        t -> {
          Element root = parse(out.resolve(t.name() + ".xml")).getDocumentElement();
          assertThat(root.getTagName()).isEqualTo("table");
          assertThat(root.getAttribute("name")).isEqualTo(t.name());
          List<Object[]> rows = new ArrayList<>();
          for (Element row : children(root)) {
            assertThat(row.getTagName()).isEqualTo("row");
            Map<String, String> values = new LinkedHashMap<>();
            children(row).forEach(e -> values.put(e.getTagName(), e.getTextContent()));
            Object[] r = new Object[t.columns().size()];
            for (int c = 0; c < r.length; c++) {
              Column col = t.columns().get(c);
              r[c] = ExportFixture.parse(col.type(), values.get(col.name()));
            }
            rows.add(r);
          }
          return rows;
        });
  }

  @Test
  void writesDbUnitFlatXmlWithTablesInForeignKeyOrder() {
    Path out = dir.resolve("out");
    try (Target target = Exporters.open(List.of("dbunit"), out, ExportOptions.DEFAULTS)) {
      ExportFixture.write(target);
    }
    Element dataset = parse(out.resolve("dataset.xml")).getDocumentElement();
    assertThat(dataset.getTagName()).isEqualTo("dataset");
    List<String> tableOrder = new ArrayList<>();
    Map<String, List<Element>> byTable = new LinkedHashMap<>();
    for (Element e : children(dataset)) {
      if (!tableOrder.contains(e.getTagName())) {
        tableOrder.add(e.getTagName());
      }
      byTable.computeIfAbsent(e.getTagName(), k -> new ArrayList<>()).add(e);
    }
    // each table's rows together, parents before children
    assertThat(tableOrder).containsExactly("dept", "emp", "sample", "order", "order_note");
    ExportFixture.assertSameData(
        t -> {
          List<Object[]> rows = new ArrayList<>();
          for (Element e : byTable.getOrDefault(t.name(), List.of())) {
            Object[] r = new Object[t.columns().size()];
            for (int c = 0; c < r.length; c++) {
              Column col = t.columns().get(c);
              r[c] =
                  e.hasAttribute(col.name())
                      ? ExportFixture.parse(col.type(), e.getAttribute(col.name()))
                      : null;
            }
            rows.add(r);
          }
          return rows;
        });
  }

  @Test
  void writesAnEmptyTableAsAnElementWithoutAttributesInDbUnit() throws Exception {
    Path out = dir.resolve("out");
    try (Target target = Exporters.open(List.of("dbunit"), out, ExportOptions.DEFAULTS)) {
      target.begin(new Schema(List.of(ExportFixture.SAMPLE.withForeignKeys(List.of()))));
      target.commit();
    }
    assertThat(Files.readString(out.resolve("dataset.xml")))
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<dataset>\n  <sample/>\n</dataset>\n");
  }

  @Test
  void mapsColumnNamesThatAreNotXmlNamesAsSqlXmlDoes() {
    assertThat(XmlText.elementName("unit price")).isEqualTo("unit_x0020_price");
    assertThat(XmlText.elementName("1st")).isEqualTo("_x0031_st");
    assertThat(XmlText.elementName("xmlns")).isEqualTo("_x0078_mlns");
    assertThat(XmlText.elementName("a_x")).isEqualTo("a_x005F_x");
    assertThat(XmlText.elementName("naïve")).isEqualTo("naïve");
  }

  @Test
  void refusesAValueXmlCannotCarryNamingTableColumnAndRow() {
    Table t =
        new Table(
            "t",
            Optional.empty(),
            List.of(Column.of("s", DataType.STRING, true)),
            List.of(),
            List.of(),
            List.of(),
            0);
    Path out = dir.resolve("out");
    try (Target target = Exporters.open(List.of("xml"), out, ExportOptions.DEFAULTS)) {
      target.begin(new Schema(List.of(t)));
      target.write(
          ExportFixture.batch(t, List.of(new Object[] {"ok"}, new Object[] {"bell\u0007"})));
      assertThatThrownBy(target::commit)
          .isInstanceOf(SynthException.class)
          .hasMessageContaining("table t, column s, row 1: the value holds character U+0007");
    }
    assertThat(Files.exists(out)).isFalse();
  }
}
