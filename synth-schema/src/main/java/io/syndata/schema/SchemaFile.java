package io.syndata.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The editable schema file ({@code *.schema.json}): every table with its columns, kinds, keys,
 * foreign keys (inferred ones marked) and row counts. Written by {@code introspect --out}, read
 * back by {@code --schema}.
 */
public final class SchemaFile {
  /** The format tag written into every file; files of another format are refused. */
  public static final String FORMAT = "syndata-schema/1";

  private record FileForm(String format, List<Table> tables) {}

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new Jdk8Module())
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private SchemaFile() {}

  public static String toJson(Schema schema) {
    try {
      return MAPPER.writeValueAsString(new FileForm(FORMAT, schema.tables())) + "\n";
    } catch (JsonProcessingException e) {
      throw new SynthException("cannot write the schema as JSON: " + e.getOriginalMessage(), e);
    }
  }

  public static Schema fromJson(String json, String origin) {
    FileForm form;
    try {
      form = MAPPER.readValue(json, FileForm.class);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      Throwable cause = e.getCause() instanceof SynthException se ? se : e;
      throw new SynthException(
          "schema file "
              + origin
              + " is not valid"
              + where
              + element(e, json)
              + ": "
              + (cause instanceof SynthException ? cause.getMessage() : e.getOriginalMessage()),
          e);
    }
    if (form == null || form.tables() == null) {
      throw new SynthException("schema file " + origin + " has no \"tables\" list");
    }
    if (form.format() != null && !FORMAT.equals(form.format())) {
      throw new SynthException(
          "schema file "
              + origin
              + " has format "
              + form.format()
              + "; this version reads "
              + FORMAT);
    }
    try {
      return new Schema(form.tables());
    } catch (SynthException e) {
      throw new SynthException("schema file " + origin + ": " + e.getMessage(), e);
    }
  }

  /**
   * The table and column a parse error is in, as {@code " (table t, column c)"}, from the error's
   * path through the file; empty when the path names neither.
   */
  private static String element(JsonProcessingException e, String json) {
    if (!(e instanceof JsonMappingException m)) {
      return "";
    }
    try {
      JsonNode node = MAPPER.readTree(json);
      List<String> names = new ArrayList<>();
      String field = "";
      for (JsonMappingException.Reference ref : m.getPath()) {
        if (node == null) {
          break;
        }
        if (ref.getFieldName() != null) {
          field = ref.getFieldName();
          node = node.get(field);
        } else if (ref.getIndex() >= 0) {
          node = node.get(ref.getIndex());
          JsonNode name = node == null ? null : node.get("name");
          if (name != null && name.isTextual() && List.of("tables", "columns").contains(field)) {
            names.add((field.equals("tables") ? "table " : "column ") + name.asText());
          }
        }
      }
      return names.isEmpty() ? "" : " (" + String.join(", ", names) + ")";
    } catch (JsonProcessingException | RuntimeException unreadable) {
      return "";
    }
  }

  public static void write(Schema schema, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, toJson(schema));
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new SynthException("cannot write schema file " + file + ": " + e.getMessage(), e);
    }
  }

  public static Schema read(Path file) {
    try {
      return fromJson(Files.readString(file), file.toString());
    } catch (NoSuchFileException e) {
      throw new SynthException("schema file " + file + " does not exist", e);
    } catch (IOException e) {
      throw new SynthException("cannot read schema file " + file + ": " + e.getMessage(), e);
    }
  }
}
