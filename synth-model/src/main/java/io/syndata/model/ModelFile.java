package io.syndata.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syndata.model.fit.FitJson;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Relation;
import io.syndata.schema.Schema;
import io.syndata.schema.SchemaFile;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A saved model ({@code *.synth}): a fitted {@link SynthModel} as an artefact that outlives the
 * run, like a Tribuo model with its provenance. Gzip-compressed UTF-8 text of two parts: a header
 * line {@code {"format":"syndata-model","version":1,"sha256":"…"}} and the payload, a JSON object
 * with the provenance, the schema (as its schema file), the orphans met and per table its model
 * kind and that kind's {@link TableModelCodec} tree. The SHA-256 covers the payload's bytes, so
 * that corruption is detected; files are written to a temporary file and moved into place. The same
 * model gives the same bytes. The file holds aggregated statistics and fitted parameters, never a
 * source row: {@code docs/model-file.md} lists every field and what it is derived from.
 */
public final class ModelFile {
  /** The format tag of the header line; files without it are not model files. */
  public static final String FORMAT = "syndata-model";

  /** The format version this SynData writes and reads. */
  public static final int VERSION = 1;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  /** Indented with "\n" on every platform, so that the bytes depend on the model alone. */
  private static final ObjectWriter PRETTY =
      MAPPER.writer(
          new DefaultPrettyPrinter()
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance));

  private ModelFile() {}

  /**
   * What a model file says about itself, read without loading the table models (so also when a
   * table's kind is not installed).
   *
   * @param fileBytes size of the file
   * @param sha256 the checksum of the payload, as in the header
   * @param tables per table, in generation order
   */
  public record Contents(
      long fileBytes,
      String sha256,
      ModelProvenance provenance,
      Schema schema,
      Map<String, Long> orphans,
      List<TableEntry> tables) {}

  /**
   * One table of a model file.
   *
   * @param kind the model kind that fitted it
   * @param modelBytes size of its model in the payload (compact JSON, uncompressed)
   */
  public record TableEntry(String name, String kind, long modelBytes) {}

  private record Payload(long fileBytes, String sha256, JsonNode tree) {}

  /**
   * Writes a model, replacing {@code file} atomically.
   *
   * @throws SynthException when the file cannot be written, or a table model cannot be saved
   */
  public static void write(SynthModel model, Path file) {
    ObjectNode payload = payload(model, file.toString());
    byte[] body;
    try {
      body = PRETTY.writeValueAsBytes(payload);
    } catch (JsonProcessingException e) {
      throw new SynthException("cannot write model file " + file + ": " + e.getMessage(), e);
    }
    writeFile(body, file);
  }

  /**
   * A SHA-256 of what the model generates from — schema, table models, hierarchies, orphan policy —
   * without its provenance (which holds the time it was made), so that a model fitted twice from
   * the same source and seed has the same fingerprint.
   */
  public static String fingerprint(SynthModel model) {
    ObjectNode payload = payload(model, "the model");
    payload.remove("provenance");
    try {
      return sha256(PRETTY.writeValueAsBytes(payload));
    } catch (JsonProcessingException e) {
      throw new SynthException("cannot fingerprint the model: " + e.getMessage(), e);
    }
  }

  private static ObjectNode payload(SynthModel model, String file) {
    Schema schema = model.graph().schema();
    checkForeignKeyNames(schema);
    ObjectNode payload = NODES.objectNode();
    payload.set("provenance", provenance(model.provenance()));
    try {
      payload.set("schema", MAPPER.readTree(SchemaFile.toJson(schema)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the schema file's own JSON does not parse", e);
    }
    ObjectNode orphans = payload.putObject("orphans");
    model.orphans().forEach(orphans::put);
    ArrayNode hierarchies = payload.putArray("selfReferences");
    for (Table t : model.graph().generationOrder()) {
      for (ForeignKey fk : t.foreignKeys()) {
        Relation r = new Relation(t.name(), fk);
        model
            .selfReference(r)
            .ifPresent(
                h -> {
                  ObjectNode e = hierarchies.addObject();
                  e.put("table", t.name());
                  e.put("foreignKey", fk.name());
                  e.put("sourceRows", h.sourceRows());
                  e.put("referenced", h.referenced());
                  e.set("degrees", FitJson.ints(h.degrees()));
                });
      }
    }
    ArrayNode tables = payload.putArray("tables");
    for (Table t : model.graph().generationOrder()) {
      String kind = model.provenance().tableKinds().get(t.name());
      if (kind == null) {
        throw new SynthException(
            "the model's provenance names no model kind for table "
                + t.name()
                + ", so it cannot be saved");
      }
      ObjectNode entry = tables.addObject();
      entry.put("name", t.name());
      entry.put("kind", kind);
      try {
        entry.set("model", codec(kind).write(model.table(t.name())));
      } catch (SynthException e) {
        throw new SynthException(
            "cannot save the model of table " + t.name() + " in " + file + ": " + e.getMessage(),
            e);
      }
    }
    return payload;
  }

  private static void writeFile(byte[] body, Path file) {
    ObjectNode header = NODES.objectNode();
    header.put("format", FORMAT);
    header.put("version", VERSION);
    header.put("sha256", sha256(body));
    Path target = file.toAbsolutePath();
    Path tmp = null;
    try {
      Files.createDirectories(target.getParent());
      tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        out.write(MAPPER.writeValueAsBytes(header));
        out.write('\n');
        out.write(body);
        out.write('\n');
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      tmp = null;
    } catch (IOException e) {
      throw new SynthException("cannot write model file " + file + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the write already failed; that error is the one to report
        }
      }
    }
  }

  /** The codec of a kind: an installed kind's, or the kept tables' rows. */
  private static TableModelCodec codec(String kind) {
    return KeptTableModel.KIND.equals(kind) || KeptTableModel.MASKED_KIND.equals(kind)
        ? KeptTableModel.CODEC
        : ModelKinds.trainer(kind).codec();
  }

  /**
   * Reads a model: its graph rebuilt from the saved schema, each table read by the codec of its
   * kind.
   *
   * @throws SynthException in one line naming the file: not a model file, truncated or corrupted,
   *     another format version, a table whose model kind is not installed, or an invalid table
   *     model
   */
  public static FittedModel read(Path file) {
    Payload p = payload(file);
    Contents contents = contents(file, p);
    ForeignKeyGraph graph = graph(file, contents.schema());
    Map<String, TableModel> models = new LinkedHashMap<>();
    Iterator<JsonNode> entries = p.tree().get("tables").elements();
    for (TableEntry t : contents.tables()) {
      JsonNode entry = entries.next();
      try {
        models.put(t.name(), codec(t.kind()).read(FitJson.need(entry, "model"), t.name(), graph));
      } catch (SynthException e) {
        throw new SynthException(
            "model file " + file + ": table " + t.name() + ": " + e.getMessage(), e);
      } catch (RuntimeException e) {
        throw new SynthException(
            "model file " + file + ": table " + t.name() + ": the model is not valid (" + e + ")",
            e);
      }
    }
    for (Table t : graph.generationOrder()) {
      if (!models.containsKey(t.name())) {
        throw new SynthException(
            "model file " + file + " has no model of table " + t.name() + " of its schema");
      }
    }
    return new FittedModel(
        graph, contents.provenance(), models, contents.orphans(), selfReferences(file, p, graph));
  }

  /** The hierarchy shapes of self-references; files written before they were learned have none. */
  private static Map<Relation, SelfReference> selfReferences(
      Path file, Payload p, ForeignKeyGraph graph) {
    Map<Relation, SelfReference> shapes = new LinkedHashMap<>();
    JsonNode node = p.tree().get("selfReferences");
    if (node == null) {
      return shapes;
    }
    try {
      for (JsonNode e : FitJson.array(node)) {
        Table t = graph.schema().table(FitJson.text(e, "table"));
        String name = FitJson.text(e, "foreignKey");
        ForeignKey fk =
            t.foreignKeys().stream()
                .filter(k -> k.name().equals(name) && k.parentTable().equals(t.name()))
                .findFirst()
                .orElseThrow(
                    () ->
                        new SynthException(
                            "selfReferences names foreign key "
                                + name
                                + " of table "
                                + t.name()
                                + ", which is no self-reference of the schema"));
        shapes.put(
            new Relation(t.name(), fk),
            new SelfReference(
                FitJson.longInteger(e, "sourceRows"),
                FitJson.longInteger(e, "referenced"),
                FitJson.ints(FitJson.need(e, "degrees"))));
      }
    } catch (SynthException e) {
      throw new SynthException("model file " + file + ": " + e.getMessage(), e);
    }
    return shapes;
  }

  /**
   * Reads what a model file says about itself (provenance, schema, kinds and sizes) without loading
   * its table models.
   *
   * @throws SynthException as {@link #read} does, except for kinds that are not installed
   */
  public static Contents describe(Path file) {
    return contents(file, payload(file));
  }

  // ---- writing -----------------------------------------------------------------------------

  private static void checkForeignKeyNames(Schema schema) {
    for (Table t : schema.tables()) {
      Set<String> names = new HashSet<>();
      for (ForeignKey fk : t.foreignKeys()) {
        if (!names.add(fk.name())) {
          throw new SynthException(
              "table "
                  + t.name()
                  + " has two foreign keys named "
                  + fk.name()
                  + ", which a model file cannot tell apart; give them distinct names in a schema file");
        }
      }
    }
  }

  private static ObjectNode provenance(ModelProvenance p) {
    ObjectNode node = NODES.objectNode();
    node.put("kind", p.kind());
    ObjectNode kinds = node.putObject("tableKinds");
    p.tableKinds().forEach(kinds::put);
    if (!p.autoChoices().isEmpty()) {
      ObjectNode choices = node.putObject("autoChoices");
      p.autoChoices().forEach(choices::put);
    }
    node.put("source", p.source());
    node.put("seed", p.seed());
    node.put("orphans", p.orphans().name().toLowerCase(Locale.ROOT));
    node.put("maxFitRows", p.maxFitRows());
    ObjectNode training = node.putObject("trainingRows");
    p.trainingRows().forEach(training::put);
    ObjectNode source = node.putObject("sourceRows");
    p.sourceRows().forEach(source::put);
    node.put("schemaHash", p.schemaHash());
    node.put("createdAt", p.createdAt().toString());
    node.put("synDataVersion", p.synDataVersion());
    return node;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  // ---- reading -----------------------------------------------------------------------------

  /** The checked payload of a file: gzip, header, format version and checksum. */
  private static Payload payload(Path file) {
    byte[] raw;
    try {
      raw = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new SynthException("model file " + file + " does not exist", e);
    } catch (IOException e) {
      throw new SynthException("cannot read model file " + file + ": " + e.getMessage(), e);
    }
    if (raw.length < 2 || (raw[0] & 0xFF) != 0x1f || (raw[1] & 0xFF) != 0x8b) {
      throw notAModelFile(file);
    }
    byte[] text;
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length * 8);
      in.transferTo(out);
      text = out.toByteArray();
    } catch (IOException e) {
      throw new SynthException(
          "model file "
              + file
              + " is truncated or corrupted ("
              + e.getMessage()
              + "); write it again with synth train",
          e);
    }
    int newline = indexOf(text, (byte) '\n');
    JsonNode header = null;
    if (newline > 0) {
      try {
        header = MAPPER.readTree(new String(text, 0, newline, StandardCharsets.UTF_8));
      } catch (JsonProcessingException e) {
        header = null;
      }
    }
    if (header == null || !header.isObject() || !FORMAT.equals(header.path("format").asText())) {
      throw notAModelFile(file);
    }
    JsonNode version = header.get("version");
    if (version == null || !version.isIntegralNumber()) {
      throw new SynthException("model file " + file + " has no format version in its header");
    }
    if (version.asLong() != VERSION) {
      throw new SynthException(
          "model file "
              + file
              + (version.asLong() > VERSION
                  ? " was written by a newer SynData: format "
                  : " was written by an older SynData: format ")
              + version.asLong()
              + ", this version reads "
              + VERSION);
    }
    int end = text.length;
    if (end > newline + 1 && text[end - 1] == '\n') {
      end--;
    }
    byte[] body = java.util.Arrays.copyOfRange(text, newline + 1, end);
    String sha = sha256(body);
    if (!sha.equals(header.path("sha256").asText())) {
      throw new SynthException(
          "model file "
              + file
              + " is corrupted: its checksum does not match its contents; write it again with synth train");
    }
    try {
      return new Payload(raw.length, sha, MAPPER.readTree(body));
    } catch (IOException e) {
      throw new SynthException(
          "model file "
              + file
              + " is not valid JSON: "
              + e.getMessage().lines().findFirst().orElse(""),
          e);
    }
  }

  private static SynthException notAModelFile(Path file) {
    return new SynthException(
        file + " is not a SynData model file (model files are written by synth train)");
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static Contents contents(Path file, Payload p) {
    JsonNode tree = p.tree();
    try {
      ModelProvenance provenance = provenance(FitJson.need(tree, "provenance"));
      Schema schema;
      try {
        schema =
            SchemaFile.fromJson(
                MAPPER.writeValueAsString(FitJson.need(tree, "schema")), "of the model");
      } catch (JsonProcessingException e) {
        throw new SynthException("its schema cannot be read: " + e.getOriginalMessage(), e);
      }
      Map<String, Long> orphans = new LinkedHashMap<>();
      JsonNode orphanNode = FitJson.need(tree, "orphans");
      for (Iterator<String> it = orphanNode.fieldNames(); it.hasNext(); ) {
        String fk = it.next();
        orphans.put(fk, FitJson.longInteger(orphanNode, fk));
      }
      List<TableEntry> tables = new ArrayList<>();
      for (JsonNode entry : FitJson.array(FitJson.need(tree, "tables"))) {
        String name = FitJson.text(entry, "name");
        schema.table(name);
        tables.add(
            new TableEntry(
                name,
                FitJson.text(entry, "kind"),
                MAPPER.writeValueAsBytes(FitJson.need(entry, "model")).length));
      }
      return new Contents(p.fileBytes(), p.sha256(), provenance, schema, orphans, tables);
    } catch (SynthException e) {
      throw new SynthException("model file " + file + ": " + e.getMessage(), e);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new SynthException("model file " + file + " is not valid: " + e, e);
    }
  }

  private static ForeignKeyGraph graph(Path file, Schema schema) {
    try {
      return ForeignKeyGraph.of(schema);
    } catch (SynthException e) {
      throw new SynthException("model file " + file + ": " + e.getMessage(), e);
    }
  }

  private static ModelProvenance provenance(JsonNode node) {
    String orphans = FitJson.text(node, "orphans");
    OrphanPolicy policy;
    Instant createdAt;
    try {
      policy = OrphanPolicy.valueOf(orphans.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SynthException("unknown orphan policy \"" + orphans + "\"", e);
    }
    try {
      createdAt = Instant.parse(FitJson.text(node, "createdAt"));
    } catch (DateTimeParseException e) {
      throw new SynthException("\"createdAt\" is not an instant", e);
    }
    return new ModelProvenance(
        FitJson.text(node, "kind"),
        textMap(FitJson.need(node, "tableKinds")),
        node.has("autoChoices") ? textMap(node.get("autoChoices")) : Map.of(),
        FitJson.text(node, "source"),
        FitJson.longInteger(node, "seed"),
        policy,
        FitJson.integer(node, "maxFitRows"),
        longMap(FitJson.need(node, "trainingRows")),
        longMap(FitJson.need(node, "sourceRows")),
        FitJson.text(node, "schemaHash"),
        createdAt,
        FitJson.text(node, "synDataVersion"));
  }

  private static Map<String, String> textMap(JsonNode node) {
    Map<String, String> m = new LinkedHashMap<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      m.put(k, FitJson.text(node, k));
    }
    return m;
  }

  private static Map<String, Long> longMap(JsonNode node) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      m.put(k, FitJson.longInteger(node, k));
    }
    return m;
  }
}
