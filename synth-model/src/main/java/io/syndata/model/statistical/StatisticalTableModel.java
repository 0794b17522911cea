package io.syndata.model.statistical;

import io.syndata.model.KeyFormat;
import io.syndata.model.LearnedStatistics;
import io.syndata.model.TableModel;
import io.syndata.model.TableSample;
import io.syndata.model.fit.AddressBlock;
import io.syndata.model.fit.CategoricalMarginal;
import io.syndata.model.fit.DomainModel;
import io.syndata.model.fit.Gaussian;
import io.syndata.model.fit.Marginal;
import io.syndata.model.fit.NumericMarginal;
import io.syndata.model.fit.PiiModel;
import io.syndata.model.fit.TextGenerator;
import io.syndata.schema.Relation;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The statistical model of one table: a {@link Copula} over its numeric, temporal and categorical
 * columns, its child counts and its primary parent's attributes; text and personal data generated
 * independently by {@link TextModel} and {@link PiiModel}.
 */
final class StatisticalTableModel implements TableModel {
  final Table table;
  final long sourceRows;
  final List<String> attributeColumns;

  /** Per attribute column: its index among the copula's sampled columns, or -1. */
  final int[] copulaIndex;

  /** Per attribute column: its text or personal-data generator, or null. */
  final TextGenerator[] texts;

  /**
   * Marginals of the copula's sampled columns: attributes, then one child count per child relation.
   */
  final Marginal[] sampled;

  final int copulaAttributes;
  final List<Relation> childRelations;
  final Optional<Relation> parentRelation;
  final List<String> parentColumns;
  final Marginal[] conditioning;
  final Copula copula;
  final Map<String, KeyFormat> keyFormats;
  final Map<Relation, Double> nullRates;

  /**
   * Attribute pairs {a, b} with {@code a <= b} in every source row: kept by swapping their values.
   */
  final List<int[]> orderings;

  /** The table's address parts, made as one tuple per row; null when it has fewer than two. */
  final AddressBlock addresses;

  StatisticalTableModel(
      Table table,
      long sourceRows,
      List<String> attributeColumns,
      int[] copulaIndex,
      TextGenerator[] texts,
      Marginal[] sampled,
      int copulaAttributes,
      List<Relation> childRelations,
      Optional<Relation> parentRelation,
      List<String> parentColumns,
      Marginal[] conditioning,
      Copula copula,
      Map<String, KeyFormat> keyFormats,
      Map<Relation, Double> nullRates,
      List<int[]> orderings,
      AddressBlock addresses) {
    this.addresses = addresses;
    this.table = table;
    this.sourceRows = sourceRows;
    this.attributeColumns = List.copyOf(attributeColumns);
    this.copulaIndex = copulaIndex;
    this.texts = texts;
    this.sampled = sampled;
    this.copulaAttributes = copulaAttributes;
    this.childRelations = List.copyOf(childRelations);
    this.parentRelation = parentRelation;
    this.parentColumns = List.copyOf(parentColumns);
    this.conditioning = conditioning;
    this.copula = copula;
    this.keyFormats =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(keyFormats));
    this.nullRates = Map.copyOf(nullRates);
    this.orderings = List.copyOf(orderings);
  }

  @Override
  public Table table() {
    return table;
  }

  @Override
  public long sourceRows() {
    return sourceRows;
  }

  @Override
  public List<String> attributeColumns() {
    return attributeColumns;
  }

  @Override
  public List<Relation> childRelations() {
    return childRelations;
  }

  @Override
  public Optional<Relation> parentRelation() {
    return parentRelation;
  }

  @Override
  public List<String> parentColumns() {
    return parentColumns;
  }

  @Override
  public Map<String, KeyFormat> keyFormats() {
    return keyFormats;
  }

  @Override
  public double nullRate(Relation relation) {
    return nullRates.getOrDefault(relation, 0.0);
  }

  /**
   * Swaps the raw values of an ordered pair where the sample breaks its order; a few passes settle
   * chains such as {@code a <= b <= c}. Decoding is monotone, so ordered raw values decode to
   * ordered values.
   */
  private void keepOrders(double[][] raw, int n) {
    if (orderings.isEmpty()) {
      return;
    }
    for (int r = 0; r < n; r++) {
      for (int pass = 0; pass < 3; pass++) {
        boolean swapped = false;
        for (int[] o : orderings) {
          double a = raw[o[0]][r];
          double b = raw[o[1]][r];
          if (a > b) {
            raw[o[0]][r] = b;
            raw[o[1]][r] = a;
            swapped = true;
          }
        }
        if (!swapped) {
          break;
        }
      }
    }
  }

  @Override
  public Optional<LearnedStatistics> statistics() {
    List<String> columns = new java.util.ArrayList<>();
    List<Marginal> marginals = new java.util.ArrayList<>();
    List<Integer> at = new java.util.ArrayList<>();
    for (int i = 0; i < attributeColumns.size(); i++) {
      if (copulaIndex[i] >= 0) {
        columns.add(attributeColumns.get(i));
        marginals.add(sampled[copulaIndex[i]]);
        at.add(copulaIndex[i]);
      }
    }
    double[][] r = new double[at.size()][at.size()];
    for (int i = 0; i < r.length; i++) {
      for (int j = 0; j < r.length; j++) {
        r[i][j] = copula.correlation[at.get(i)][at.get(j)];
      }
    }
    return Optional.of(new LearnedStatistics(columns, marginals, r));
  }

  /** The fitted correlation matrix (sampled columns, then conditioning columns); for tests. */
  double[][] correlation() {
    return copula.correlation;
  }

  @Override
  public TableSample sample(int n, Object[][] parentValues, SplittableRandom random) {
    double[][] zB = null;
    if (parentValues.length > 0 && copula.b > 0) {
      if (parentValues.length != parentColumns.size()) {
        throw new SynthException(
            "table "
                + table.name()
                + " conditions on "
                + parentColumns
                + " but got "
                + parentValues.length
                + " parent columns");
      }
      zB = new double[copula.b][n];
      for (int k = 0; k < copula.b; k++) {
        for (int r = 0; r < n; r++) {
          zB[k][r] = Gaussian.quantile(conditioning[k].cdf(parentValues[k][r]));
        }
      }
    }
    double[][] zA = copula.sample(n, zB, random);
    Object[][] values = new Object[attributeColumns.size()][];
    // Numeric columns as raw doubles first, so that orders between them are kept before decoding.
    double[][] raw = new double[attributeColumns.size()][];
    for (int i = 0; i < values.length; i++) {
      if (copulaIndex[i] >= 0 && sampled[copulaIndex[i]] instanceof NumericMarginal m) {
        double[] z = zA[copulaIndex[i]];
        double[] x = new double[n];
        for (int r = 0; r < n; r++) {
          x[r] = m.inverseOfScore(z[r]);
        }
        raw[i] = x;
      }
    }
    keepOrders(raw, n);
    // Address parts of a row come from one place: every address column draws it from this seed.
    long placeSeed = 0;
    for (TextGenerator t : texts) {
      if (t instanceof DomainModel d && d.isAddress()) {
        placeSeed = random.nextLong();
        break;
      }
    }
    for (int i = 0; i < values.length; i++) {
      Object[] column;
      if (raw[i] != null) {
        column = new Object[n];
        NumericMarginal m = (NumericMarginal) sampled[copulaIndex[i]];
        for (int r = 0; r < n; r++) {
          column[r] = m.codec.decode(raw[i][r]);
        }
      } else if (copulaIndex[i] >= 0) {
        CategoricalMarginal m = (CategoricalMarginal) sampled[copulaIndex[i]];
        double[] z = zA[copulaIndex[i]];
        column = new Object[n];
        for (int r = 0; r < n; r++) {
          column[r] = m.inverseOfScore(z[r]);
        }
      } else {
        column = new String[n];
        if (texts[i] instanceof DomainModel d && d.isAddress()
            || texts[i] instanceof PiiModel p && p.isLocal()) {
          // Made below, once the row's country (from any column) is known.
          values[i] = column;
          continue;
        } else {
          texts[i].generate((String[]) column, n, random);
        }
      }
      values[i] = column;
    }
    // Rows that bill their parent's address take its parts first, so that the parts made from
    // the row's country (a postal code) follow the inherited country.
    boolean[] inherited =
        addresses == null ? null : addresses.inherited(n, random, parentValues, parentColumns);
    if (addresses != null) {
      addresses.copyFromParent(values, attributeColumns, inherited, parentValues, parentColumns);
    }
    for (int i = 0; i < values.length; i++) {
      if (texts[i] instanceof DomainModel d && d.isAddress()) {
        d.generate((String[]) values[i], n, random, placeSeed, countries(values));
      }
    }
    if (addresses != null) {
      addresses.copyFromParent(values, attributeColumns, inherited, parentValues, parentColumns);
      boolean[] categories = new boolean[values.length];
      for (int i = 0; i < values.length; i++) {
        categories[i] = copulaIndex[i] >= 0 && raw[i] == null;
      }
      addresses.apply(values, attributeColumns, categories, n, random, inherited, parentColumns);
    }
    for (int i = 0; i < values.length; i++) {
      if (texts[i] instanceof PiiModel p && p.isLocal()) {
        p.generate((String[]) values[i], n, random, anyCountries(values));
      }
    }
    int[][] counts = new int[childRelations.size()][n];
    for (int k = 0; k < counts.length; k++) {
      NumericMarginal m = (NumericMarginal) sampled[copulaAttributes + k];
      double[] z = zA[copulaAttributes + k];
      for (int r = 0; r < n; r++) {
        double c = m.inverseOfScore(z[r]);
        counts[k][r] = Double.isNaN(c) ? 0 : (int) Math.max(0, Math.round(c));
      }
    }
    return new TableSample(values, counts, n);
  }

  /**
   * The row's sampled country from another attribute column named as a country ({@code country},
   * {@code billing_country}…) that is sampled rather than made as an address part; null when there
   * is none.
   */
  private Object[] countries(Object[][] values) {
    List<String> names = attributeColumns();
    for (int c = 0; c < values.length; c++) {
      if (!(texts[c] instanceof DomainModel d && d.isAddress())
          && values[c] != null
          && io.syndata.model.fit.DomainModel.isCountryColumn(names.get(c))) {
        return values[c];
      }
    }
    return null;
  }

  /** The row's country from any column named as one, sampled or made; null when there is none. */
  private Object[] anyCountries(Object[][] values) {
    for (int c = 0; c < values.length; c++) {
      if (values[c] != null && DomainModel.isCountryColumn(attributeColumns.get(c))) {
        return values[c];
      }
    }
    return null;
  }
}
