package io.syndata.engine;

import io.syndata.connectors.Connectors;
import io.syndata.data.Progress;
import io.syndata.data.SchemaFilter;
import io.syndata.data.Source;
import io.syndata.model.FitOptions;
import io.syndata.model.ModelKinds;
import io.syndata.model.OrphanPolicy;
import io.syndata.schema.Schema;
import io.syndata.schema.SchemaFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * How to learn a source: the fluent half of the Java API that {@link SynData#from(String)} starts,
 * with every option of {@code synth train}. Each setter returns this builder; {@link #fit()} reads
 * the source once and returns the model.
 *
 * <pre>{@code
 * try (Model model = SynData.from(dataSource).exclude("audit_*").seed(7).fit()) {
 *   model.save(Path.of("shop.synth"));
 * }
 * }</pre>
 */
public final class Fitting {
  private final String location;
  private final Function<Optional<Schema>, Source> opener;
  private Optional<Path> schemaFile = Optional.empty();
  private final List<String> schemas = new ArrayList<>();
  private final List<String> include = new ArrayList<>();
  private final List<String> exclude = new ArrayList<>();
  private final List<String> keep = new ArrayList<>();
  private final List<String> mask = new ArrayList<>();
  private final List<String> synthesize = new ArrayList<>();
  private boolean cascade;
  private long seed = 42;
  private String model = ModelKinds.AUTO;
  private final java.util.Map<String, String> modelOptions = new java.util.LinkedHashMap<>();
  private OrphanPolicy orphans = OrphanPolicy.FAIL;
  private int maxFitRows = FitOptions.DEFAULT_MAX_FIT_ROWS;
  private int minCount = FitOptions.DEFAULT_MIN_COUNT;
  private Progress progress = Progress.NONE;

  private Fitting(String location, Function<Optional<Schema>, Source> opener) {
    this.location = location;
    this.opener = opener;
  }

  static Fitting of(String location) {
    return new Fitting(location, schema -> Connectors.source(location, schema));
  }

  static Fitting of(DataSource dataSource) {
    return new Fitting("DataSource", schema -> Connectors.source(dataSource, schema));
  }

  /** An edited schema file to use instead of guessing kinds and keys. */
  public Fitting schemaFile(Path file) {
    this.schemaFile = Optional.of(file);
    return this;
  }

  /** Source schemas to read (default: the connection's current one). */
  public Fitting schemas(String... names) {
    schemas.addAll(List.of(names));
    return this;
  }

  /** Only tables matching these patterns ({@code *} and {@code ?}). */
  public Fitting include(String... patterns) {
    include.addAll(List.of(patterns));
    return this;
  }

  /** Leave out tables matching these patterns. */
  public Fitting exclude(String... patterns) {
    exclude.addAll(List.of(patterns));
    return this;
  }

  /** Copy tables matching these patterns as they are, at any scale. */
  public Fitting keep(String... patterns) {
    keep.addAll(List.of(patterns));
    return this;
  }

  /**
   * Copy tables matching these patterns with their personal columns replaced by fakes (one source
   * value, one fake, throughout the run).
   */
  public Fitting mask(String... patterns) {
    mask.addAll(List.of(patterns));
    return this;
  }

  /** Synthesize tables matching these patterns even when they are detected as lookup tables. */
  public Fitting synthesize(String... patterns) {
    synthesize.addAll(List.of(patterns));
    return this;
  }

  /** Let {@link #exclude} also leave out every table that references an excluded one. */
  public Fitting cascade() {
    this.cascade = true;
    return this;
  }

  public Fitting seed(long value) {
    this.seed = value;
    return this;
  }

  /** The model kind of every table: {@code auto} (the default) or an installed kind. */
  public Fitting model(String kind) {
    this.model = kind;
    return this;
  }

  /**
   * A setting of a model kind ({@code epochs}, {@code device}, … for {@code vaegan}; see
   * docs/neural.md); kinds ignore the settings they do not know.
   */
  public Fitting modelOption(String name, String value) {
    modelOptions.put(name, value);
    return this;
  }

  public Fitting orphans(OrphanPolicy policy) {
    this.orphans = policy;
    return this;
  }

  /**
   * k: categories of domain columns, address combinations and word pairs of free text are
   * reproduced only when at least k source rows hold them (default {@value
   * FitOptions#DEFAULT_MIN_COUNT}).
   */
  public Fitting minCount(int k) {
    this.minCount = k;
    return this;
  }

  public Fitting maxFitRows(int rows) {
    this.maxFitRows = rows;
    return this;
  }

  public Fitting progress(Progress p) {
    this.progress = p;
    return this;
  }

  /**
   * Reads the source and fits the model. Options are checked first, so a wrong one fails before the
   * source is read.
   */
  public Model fit() {
    FitOptions options = new FitOptions(seed, orphans, maxFitRows, model, modelOptions, minCount);
    SourceSpec spec =
        new SourceSpec(
            location,
            schemaFile,
            new SchemaFilter(schemas, include, exclude),
            io.syndata.connectors.CsvOptions.DEFAULT,
            new TableChoices(keep, synthesize, mask, cascade));
    try (Source source = opener.apply(schemaFile.map(SchemaFile::read))) {
      return new Model(SynData.learn(spec, source, options, progress));
    }
  }
}
