package io.syndata.quality.report;

import static io.syndata.quality.report.Format.esc;
import static io.syndata.quality.report.Format.fixed;
import static io.syndata.quality.report.Format.pct;
import static io.syndata.quality.report.Format.raw;

import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts, drawn as text. Every chart scales down with its container (viewBox) and
 * carries its raw values in {@code <title>} tooltips; no chart defines ids, so any number of them
 * can share a page.
 */
final class Charts {
  static final String REAL = "#2f6db5";
  static final String SYNTHETIC = "#e8833a";
  static final String HOLDOUT = "#2f6db5";
  private static final String GRID = "#e4e7eb";
  private static final String AXIS = "#9aa5b1";
  private static final String INK = "#3e4c59";

  private Charts() {}

  /** One series of bars over shared labels, for {@link #bars}. */
  record Series(String name, String colour, List<Double> values) {}

  /**
   * Bars per label: side by side ({@code overlaid} false) or drawn over each other, translucent.
   * Values are shares in [0, 1], shown on a percentage axis.
   */
  static String bars(List<String> labels, List<Series> series, boolean overlaid, String xTitle) {
    int width = 400;
    int height = 250;
    int left = 44;
    int right = 10;
    int top = 26;
    int longest = labels.stream().mapToInt(l -> Math.min(l.length(), 16)).max().orElse(1);
    int bottom = 14 + (int) Math.ceil(longest * 5.2 * 0.72) + (xTitle.isEmpty() ? 0 : 14);
    // a rotated first label reaches left of its bin: widen the margin when it would leave the chart
    double firstLabel = labels.isEmpty() ? 0 : Math.min(labels.get(0).length(), 16) * 5.2 * 0.72;
    double firstGroup = (width - 44 - right) / Math.max(1, labels.size());
    left = (int) Math.max(left, Math.ceil(firstLabel - firstGroup / 2 + 6));
    double plotW = width - left - right;
    double plotH = height - top - bottom;
    int n = Math.max(1, labels.size());
    double max = 0;
    for (Series s : series) {
      for (Double v : s.values()) {
        if (v != null && Double.isFinite(v)) {
          max = Math.max(max, v);
        }
      }
    }
    double step = niceStep(max <= 0 ? 0.01 : max / 4);
    double axisMax = Math.max(step, Math.ceil(max / step - 1e-9) * step);

    StringBuilder svg = open(width, height);
    // y grid and labels
    for (int k = 0; k * step <= axisMax + 1e-12; k++) {
      double y = top + plotH - k * step / axisMax * plotH;
      svg.append(line(left, y, width - right, y, k == 0 ? AXIS : GRID));
      svg.append(text(left - 5, y + 3.5, "end", 10, INK, percentTick(k * step, step)));
    }
    double group = plotW / n;
    int visible = overlaid ? 1 : series.size();
    double barW = group * 0.8 / visible;
    for (int i = 0; i < labels.size(); i++) {
      double gx = left + i * group;
      StringBuilder tip = new StringBuilder(labels.get(i));
      for (Series s : series) {
        double v = value(s.values(), i);
        tip.append('\n')
            .append(s.name())
            .append(": ")
            .append(pct(v))
            .append(" (")
            .append(raw(v))
            .append(')');
      }
      svg.append("<g><title>").append(esc(tip.toString())).append("</title>");
      svg.append(rect(gx, top, group, plotH, "transparent", 1));
      for (int k = 0; k < series.size(); k++) {
        Series s = series.get(k);
        double v = value(s.values(), i);
        if (!Double.isFinite(v) || v <= 0) {
          continue;
        }
        double h = Math.min(1, v / axisMax) * plotH;
        double x = overlaid ? gx + group * 0.1 : gx + group * 0.1 + k * barW;
        if (overlaid && k > 0) {
          // later series of an overlay are outlines, so that the first stays readable beneath them
          svg.append(outline(x, top + plotH - h, barW, h, s.colour()));
        } else {
          svg.append(rect(x, top + plotH - h, barW, h, s.colour(), overlaid ? 0.8 : 1));
        }
      }
      svg.append("</g>");
      double lx = gx + group / 2;
      double ly = top + plotH + 10;
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" fill=\"%s\" text-anchor=\"end\" transform=\"rotate(-45 %.1f %.1f)\">%s</text>",
              lx + 3,
              ly,
              INK,
              lx + 3,
              ly,
              esc(Format.clip(labels.get(i), 16))));
    }
    if (!xTitle.isEmpty()) {
      svg.append(text(left + plotW / 2, height - 3, "middle", 10, INK, xTitle));
    }
    legend(svg, series, overlaid, width - right, 12);
    return svg.append("</svg>").toString();
  }

  /** Swatches and names, right-aligned at (x, y). */
  private static void legend(
      StringBuilder svg, List<Series> series, boolean overlaid, double right, double y) {
    double x = right;
    for (int k = series.size() - 1; k >= 0; k--) {
      Series s = series.get(k);
      double w = s.name().length() * 5.6 + 18;
      x -= w;
      svg.append(
          overlaid && k > 0
              ? outline(x, y - 8, 10, 10, s.colour())
              : rect(x, y - 8, 10, 10, s.colour(), overlaid ? 0.8 : 1));
      svg.append(text(x + 14, y + 1, "start", 10, INK, s.name()));
    }
  }

  /**
   * A symmetric matrix of |real − synthetic| differences, coloured from white (0) to dark red
   * ({@link #HEAT_MAX} or more), with the column names on both axes and a colour legend.
   *
   * @param tips one tooltip per cell, row-major
   */
  static String heatmap(List<String> columns, double[][] difference, String[][] tips) {
    int n = columns.size();
    double cell = Math.max(22, Math.min(40, 460.0 / n));
    int longest = columns.stream().mapToInt(c -> Math.min(c.length(), 20)).max().orElse(1);
    double labelSpace = 10 + longest * 6.2;
    double left = labelSpace;
    double top = 10 + longest * 6.2 * 0.72;
    double legendW = 90;
    double width = left + n * cell + 24 + legendW;
    double height = Math.max(top + n * cell + 10, top + 150);
    StringBuilder svg = open(width, height);
    for (int i = 0; i < n; i++) {
      String name = Format.clip(columns.get(i), 20);
      double cy = top + i * cell + cell / 2;
      svg.append("<g><title>")
          .append(esc(columns.get(i)))
          .append("</title>")
          .append(text(left - 6, cy + 3.5, "end", 11, INK, name))
          .append("</g>");
      double cx = left + i * cell + cell / 2;
      svg.append(
          String.format(
              Locale.ROOT,
              "<g><title>%s</title><text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"%s\" transform=\"rotate(-45 %.1f %.1f)\">%s</text></g>",
              esc(columns.get(i)),
              cx - 2,
              top - 6,
              INK,
              cx - 2,
              top - 6,
              esc(name)));
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double x = left + j * cell;
        double y = top + i * cell;
        svg.append("<g><title>").append(esc(tips[i][j])).append("</title>");
        if (i == j) {
          svg.append(rect(x, y, cell, cell, "#f0f2f5", 1));
        } else {
          double d = difference[i][j];
          svg.append(rect(x, y, cell, cell, Double.isFinite(d) ? heat(d) : "#ffffff", 1));
          if (cell >= 26 && Double.isFinite(d)) {
            svg.append(
                text(
                    x + cell / 2,
                    y + cell / 2 + 3.5,
                    "middle",
                    9,
                    d / HEAT_MAX > 0.55 ? "#ffffff" : INK,
                    fixed(d, 2)));
          }
        }
        svg.append("</g>");
      }
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"%s\"/>",
            left,
            top,
            n * cell,
            n * cell,
            AXIS));
    // legend: a stepped scale from 0 to HEAT_MAX
    double lx = left + n * cell + 24;
    svg.append(text(lx, top + 2, "start", 10, INK, "|real \u2212 synthetic|"));
    int steps = 6;
    for (int k = 0; k < steps; k++) {
      double v = HEAT_MAX * k / (steps - 1);
      double y = top + 12 + k * 18;
      svg.append(rect(lx, y, 18, 18, heat(v), 1));
      svg.append(
          text(lx + 24, y + 13, "start", 10, INK, (k == steps - 1 ? "\u2265 " : "") + fixed(v, 1)));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"18\" height=\"%d\" fill=\"none\" stroke=\"%s\"/>",
            lx,
            top + 12,
            steps * 18,
            AXIS));
    return svg.append("</svg>").toString();
  }

  /** Differences at or above this get the darkest colour. */
  static final double HEAT_MAX = 0.5;

  /** White through orange to dark red. */
  static String heat(double d) {
    double t = Math.max(0, Math.min(1, d / HEAT_MAX));
    int[][] stops = {{255, 255, 255}, {253, 208, 162}, {241, 105, 19}, {127, 39, 4}};
    double pos = t * (stops.length - 1);
    int k = Math.min(stops.length - 2, (int) Math.floor(pos));
    double f = pos - k;
    int r = (int) Math.round(stops[k][0] + f * (stops[k + 1][0] - stops[k][0]));
    int g = (int) Math.round(stops[k][1] + f * (stops[k + 1][1] - stops[k][1]));
    int b = (int) Math.round(stops[k][2] + f * (stops[k + 1][2] - stops[k][2]));
    return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
  }

  /** Horizontal score bars with labels, for the summary card; empty scores read "not measured". */
  static String scoreBars(List<String> names, List<Double> scores) {
    int width = 600;
    int row = 28;
    int labelW = 150;
    int barW = 320;
    int height = names.size() * row + 4;
    StringBuilder svg = open(width, height);
    for (int i = 0; i < names.size(); i++) {
      double y = 2 + i * row;
      double s = scores.get(i);
      svg.append("<g><title>").append(esc(names.get(i) + ": " + raw(s))).append("</title>");
      svg.append(text(labelW - 10, y + 17, "end", 13, INK, names.get(i)));
      svg.append(rect(labelW, y + 5, barW, 16, "#eef1f4", 1));
      if (Double.isFinite(s)) {
        svg.append(
            rect(labelW, y + 5, barW * Math.max(0, Math.min(1, s)), 16, Format.scoreColour(s), 1));
        svg.append(text(labelW + barW + 10, y + 17, "start", 13, INK, pct(s)));
      } else {
        svg.append(text(labelW + barW + 10, y + 17, "start", 13, "#7b8794", "not measured"));
      }
      svg.append("</g>");
    }
    return svg.append("</svg>").toString();
  }

  private static double value(List<Double> values, int i) {
    if (i >= values.size() || values.get(i) == null) {
      return Double.NaN;
    }
    return values.get(i);
  }

  /** 1, 2, 2.5 or 5 times a power of ten, at least {@code raw}. */
  static double niceStep(double raw) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * magnitude >= raw - 1e-12) {
        return m * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String percentTick(double v, double step) {
    double p = v * 100;
    int decimals =
        step * 100 >= 1 - 1e-9 && Math.abs(step * 100 - Math.rint(step * 100)) < 1e-9
            ? 0
            : step * 100 >= 0.1 ? 1 : 2;
    return String.format(Locale.ROOT, "%." + decimals + "f%%", p);
  }

  private static StringBuilder open(double width, double height) {
    return new StringBuilder(
        String.format(
            Locale.ROOT,
            "<svg viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" role=\"img\" font-family=\"inherit\">",
            width,
            height,
            width,
            height));
  }

  private static String rect(double x, double y, double w, double h, String fill, double opacity) {
    return String.format(
        Locale.ROOT,
        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"%s/>",
        x,
        y,
        w,
        h,
        fill,
        opacity < 1 ? String.format(Locale.ROOT, " fill-opacity=\"%.2f\"", opacity) : "");
  }

  private static String outline(double x, double y, double w, double h, String stroke) {
    return String.format(
        Locale.ROOT,
        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>",
        x + 0.75,
        y + 0.75,
        Math.max(0, w - 1.5),
        Math.max(0, h - 0.75),
        stroke);
  }

  private static String line(double x1, double y1, double x2, double y2, String stroke) {
    return String.format(
        Locale.ROOT,
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>",
        x1,
        y1,
        x2,
        y2,
        stroke);
  }

  private static String text(
      double x, double y, String anchor, int size, String fill, String content) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" fill=\"%s\" text-anchor=\"%s\">%s</text>",
        x,
        y,
        size,
        fill,
        anchor,
        esc(content));
  }
}
