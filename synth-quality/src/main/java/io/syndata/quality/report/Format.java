package io.syndata.quality.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.OptionalDouble;

/** Text for the HTML page: escaping and number formats, always in the root locale. */
final class Format {
  static final String NONE = "\u2014";

  private Format() {}

  /** Escapes text for HTML content and attribute values alike. */
  static String esc(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          // control characters other than tab and newline are not allowed in HTML text
          if (c < 0x20 && c != '\n' && c != '\t') {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** A score or share in [0, 1] as a percentage with one decimal, or a dash when not measured. */
  static String pct(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", 100 * v) : NONE;
  }

  static String pct(OptionalDouble v) {
    return pct(v.orElse(Double.NaN));
  }

  /** The raw value for a tooltip: six significant digits. */
  static String raw(double v) {
    if (!Double.isFinite(v)) {
      return "not measured";
    }
    if (v == 0) {
      return "0";
    }
    return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }

  static String fixed(double v, int decimals) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : NONE;
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** At most {@code max} characters, an ellipsis marking the cut. */
  static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, Math.max(1, max - 1)) + "\u2026";
  }

  /** Green from 0.8, amber from 0.6, red below. */
  static String scoreColour(double s) {
    return !Double.isFinite(s)
        ? "#9aa5b1"
        : s >= 0.8 ? "#2e9e5b" : s >= 0.6 ? "#d9a21b" : "#d64545";
  }

  /** A percentage in a table cell with the raw value as its tooltip. */
  static String scoreCell(double s) {
    return "<td class=\"num\" title=\"" + esc(raw(s)) + "\">" + esc(pct(s)) + "</td>";
  }

  /** A score with a small coloured bar, for ranked lists. */
  static String scoreBarCell(double s) {
    double w = Double.isFinite(s) ? Math.max(0, Math.min(1, s)) * 100 : 0;
    return "<td class=\"num\" title=\""
        + esc(raw(s))
        + "\"><span class=\"mini\"><span style=\"width:"
        + String.format(Locale.ROOT, "%.1f", w)
        + "%;background:"
        + scoreColour(s)
        + "\"></span></span>"
        + esc(pct(s))
        + "</td>";
  }

  static String numberCell(double v, int decimals) {
    return "<td class=\"num\" title=\"" + esc(raw(v)) + "\">" + esc(fixed(v, decimals)) + "</td>";
  }
}
