package io.syndata.model.statistical;

import io.syndata.model.fit.Gaussian;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A Gaussian copula over {@code a} sampled columns and {@code b} conditioning columns (the
 * parent's): a correlation matrix of normal scores, regularised to be positive definite, with the
 * Cholesky factors to sample the sampled columns either unconditioned or given the conditioning
 * columns (the conditional mean {@code K z_B} and covariance {@code S_AA - K S_BA} of a
 * multivariate normal).
 */
final class Copula {
  static final double RIDGE = 0.02;
  final int a;
  final int b;
  final double[][] correlation;
  final double[][] lowerA;
  final double[][] gain;
  final double[][] lowerConditional;

  /** A copula from its parts as a model file holds them (see {@link StatisticalCodec}). */
  Copula(
      int a,
      int b,
      double[][] correlation,
      double[][] lowerA,
      double[][] gain,
      double[][] lowerConditional) {
    this.a = a;
    this.b = b;
    this.correlation = correlation;
    this.lowerA = lowerA;
    this.gain = gain;
    this.lowerConditional = lowerConditional;
  }

  Copula(int a, int b, double[][] correlation) {
    this(a, b, correlation, null);
  }

  /**
   * @param scoreCovariance the covariance of the conditioning scores as the model will compute them
   *     at sampling time (discrete parent columns give mid-point scores whose variance is below 1),
   *     or null to take the correlation block. The conditional covariance is the correlation block
   *     minus what the regression explains of those scores, so every sampled score keeps variance 1
   *     and rare values keep their frequency.
   */
  Copula(int a, int b, double[][] correlation, double[][] scoreCovariance) {
    this.a = a;
    this.b = b;
    this.correlation = correlation;
    if (a == 0) {
      this.lowerA = new double[0][0];
      this.gain = new double[0][b];
      this.lowerConditional = lowerA;
      return;
    }
    RealMatrix full = new Array2DRowRealMatrix(correlation);
    RealMatrix sAA = full.getSubMatrix(0, a - 1, 0, a - 1);
    this.lowerA = cholesky(sAA);
    if (b == 0) {
      this.gain = new double[a][0];
      this.lowerConditional = lowerA;
    } else {
      RealMatrix sAB = full.getSubMatrix(0, a - 1, a, a + b - 1);
      RealMatrix sBB = full.getSubMatrix(a, a + b - 1, a, a + b - 1);
      // A small ridge keeps the regression on the parent's columns stable when they are collinear.
      RealMatrix ridged = sBB.add(MatrixUtils.createRealIdentityMatrix(b).scalarMultiply(RIDGE));
      RealMatrix k =
          sAB.multiply(new CholeskyDecomposition(ridged, 1e-9, 1e-12).getSolver().getInverse());
      RealMatrix explained =
          scoreCovariance == null
              ? k.multiply(sAB.transpose())
              : k.multiply(new Array2DRowRealMatrix(scoreCovariance)).multiply(k.transpose());
      RealMatrix cond = sAA.subtract(explained);
      this.gain = k.getData();
      this.lowerConditional = cholesky(symmetric(cond));
    }
  }

  /**
   * Builds a copula from normal scores {@code z[col][row]} (NaN: missing): pairwise-complete
   * Pearson correlations, each scaled up by the columns' attenuation (discrete columns understate
   * the correlation of their latent normal variables).
   */
  static Copula fit(int a, int b, double[][] z, int rows, double[] attenuation) {
    int d = a + b;
    double[][] r = new double[d][d];
    for (int i = 0; i < d; i++) {
      r[i][i] = 1;
      for (int j = 0; j < i; j++) {
        // The correction assumes thresholded normals; it is left out of the conditioning block,
        // where an overstated correlation would make the conditional regression unstable.
        double factor = i < a && j < a ? attenuation[i] * attenuation[j] : 1;
        double c = Math.max(-0.99, Math.min(0.99, pearson(z[i], z[j], rows) * factor));
        r[i][j] = c;
        r[j][i] = c;
      }
    }
    return new Copula(a, b, nearestCorrelation(r), covariance(z, a, b, rows));
  }

  /** Pairwise-complete covariance of the conditioning block {@code z[a..a+b)}. */
  private static double[][] covariance(double[][] z, int a, int b, int rows) {
    double[][] c = new double[b][b];
    for (int i = 0; i < b; i++) {
      for (int j = 0; j <= i; j++) {
        double[] x = z[a + i];
        double[] y = z[a + j];
        double sx = 0;
        double sy = 0;
        double sxy = 0;
        int n = 0;
        for (int r = 0; r < rows; r++) {
          if (!Double.isNaN(x[r]) && !Double.isNaN(y[r])) {
            sx += x[r];
            sy += y[r];
            sxy += x[r] * y[r];
            n++;
          }
        }
        double v = n < 2 ? (i == j ? 1 : 0) : sxy / n - (sx / n) * (sy / n);
        c[i][j] = v;
        c[j][i] = v;
      }
    }
    return c;
  }

  private static double pearson(double[] x, double[] y, int rows) {
    double sx = 0;
    double sy = 0;
    int n = 0;
    for (int i = 0; i < rows; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        sx += x[i];
        sy += y[i];
        n++;
      }
    }
    if (n < 3) {
      return 0;
    }
    double mx = sx / n;
    double my = sy / n;
    double cxy = 0;
    double cxx = 0;
    double cyy = 0;
    for (int i = 0; i < rows; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        double dx = x[i] - mx;
        double dy = y[i] - my;
        cxy += dx * dy;
        cxx += dx * dx;
        cyy += dy * dy;
      }
    }
    if (cxx < 1e-12 || cyy < 1e-12) {
      return 0;
    }
    return Math.max(-1, Math.min(1, cxy / Math.sqrt(cxx * cyy)));
  }

  /**
   * Clips eigenvalues to stay positive, rescales to a unit diagonal, and shrinks slightly to the
   * identity.
   */
  static double[][] nearestCorrelation(double[][] r) {
    int d = r.length;
    if (d == 0) {
      return r;
    }
    EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(r));
    double[] values = eigen.getRealEigenvalues().clone();
    for (int i = 0; i < d; i++) {
      values[i] = Math.max(values[i], 1e-4);
    }
    RealMatrix v = eigen.getV();
    double[][] m =
        v.multiply(MatrixUtils.createRealDiagonalMatrix(values)).multiply(v.transpose()).getData();
    double[][] out = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double c = m[i][j] / Math.sqrt(m[i][i] * m[j][j]);
        out[i][j] = i == j ? 1 : 0.999 * c;
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < i; j++) {
        out[j][i] = out[i][j];
      }
    }
    return out;
  }

  private static RealMatrix symmetric(RealMatrix m) {
    return m.add(m.transpose()).scalarMultiply(0.5);
  }

  private static double[][] cholesky(RealMatrix m) {
    double jitter = 0;
    for (int attempt = 0; attempt < 12; attempt++) {
      try {
        RealMatrix shifted =
            jitter == 0
                ? m
                : m.add(
                    MatrixUtils.createRealIdentityMatrix(m.getRowDimension())
                        .scalarMultiply(jitter));
        return new CholeskyDecomposition(shifted, 1e-9, 1e-12).getL().getData();
      } catch (NonPositiveDefiniteMatrixException
          | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
        jitter = jitter == 0 ? 1e-9 : jitter * 10;
      }
    }
    throw new IllegalStateException("correlation matrix cannot be factored");
  }

  /**
   * Samples normal scores of the {@code a} sampled columns, {@code out[col][row]}.
   *
   * @param zB conditioning scores {@code zB[col][row]}, or null for the unconditioned distribution
   */
  double[][] sample(int n, double[][] zB, SplittableRandom random) {
    double[][] out = new double[a][n];
    double[] eps = new double[a];
    double[][] lower = zB == null ? lowerA : lowerConditional;
    for (int r = 0; r < n; r++) {
      Gaussian.fill(eps, random);
      for (int i = 0; i < a; i++) {
        double s = 0;
        for (int j = 0; j <= i; j++) {
          s += lower[i][j] * eps[j];
        }
        if (zB != null) {
          for (int k = 0; k < b; k++) {
            s += gain[i][k] * zB[k][r];
          }
        }
        out[i][r] = s;
      }
    }
    return out;
  }
}
