package io.syndata.maven;

import io.syndata.connectors.CsvOptions;
import io.syndata.data.SchemaFilter;
import io.syndata.engine.SourceSpec;
import io.syndata.engine.TableChoices;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters that say where real data comes from, as the command line's source options. */
abstract class AbstractSourceMojo extends AbstractSynthMojo {
  /**
   * The real data: a JDBC URL ({@code jdbc:postgresql://host/shop}) or a folder of {@code
   * <table>.csv} files. Only read.
   */
  @Parameter(property = "synth.source")
  String source;

  /** An edited schema file (from {@code synth:introspect}) used instead of guessing kinds. */
  @Parameter(property = "synth.schemaFile")
  File schemaFile;

  /** Source schemas to read (default: the connection's current one). */
  @Parameter(property = "synth.schemas")
  List<String> schemas = new ArrayList<>();

  /** Only these tables ({@code *} and {@code ?} allowed); a name matching nothing is an error. */
  @Parameter(property = "synth.includes")
  List<String> includes = new ArrayList<>();

  /** Leave these tables out ({@code *} and {@code ?} allowed). */
  @Parameter(property = "synth.excludes")
  List<String> excludes = new ArrayList<>();

  /**
   * Table modes: copy these tables verbatim (reference data such as countries or currencies),
   * whatever lookup-table detection says. See docs/realism.md.
   */
  @Parameter(property = "synth.keep")
  List<String> keep = new ArrayList<>();

  /**
   * Table modes: copy these tables' rows and keys with their personal columns replaced by fakes.
   */
  @Parameter(property = "synth.mask")
  List<String> mask = new ArrayList<>();

  /** Table modes: synthesize these tables even where they look like lookup tables. */
  @Parameter(property = "synth.synthesize")
  List<String> synthesize = new ArrayList<>();

  /** With {@code <excludes>}: leave out the tables that depend on an excluded one too. */
  @Parameter(property = "synth.cascade", defaultValue = "false")
  boolean cascade;

  SourceSpec sourceSpec(String location) throws MojoFailureException {
    if (schemaFile != null && !schemaFile.isFile()) {
      throw new MojoFailureException(
          "<schemaFile> "
              + schemaFile
              + " does not exist: give a schema file from synth:introspect");
    }
    return new SourceSpec(
        location,
        Optional.ofNullable(schemaFile).map(File::toPath),
        new SchemaFilter(clean(schemas), clean(includes), clean(excludes)),
        CsvOptions.DEFAULT,
        new TableChoices(clean(keep), clean(synthesize), clean(mask), cascade));
  }

  boolean filtersTables() {
    return !clean(schemas).isEmpty() || !clean(includes).isEmpty() || !clean(excludes).isEmpty();
  }

  /** Maven hands an empty element as one blank entry. */
  static List<String> clean(List<String> values) {
    return values == null
        ? List.of()
        : values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).toList();
  }
}
