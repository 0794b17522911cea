package io.syndata.export;

import java.util.ArrayList;
import java.util.List;

/**
 * Oracle string literals that keep the script ASCII: printable ASCII in plain quotes, anything else
 * through {@code UNISTR} with {@code \XXXX} UTF-16 escapes, so neither the client's character set
 * nor SQL*Plus's reading of blank lines can change a value. Long values are joined from pieces of
 * {@value #PIECE} characters (escaped, at most 3,500 bytes: under the 4,000-byte literal limit), as
 * {@code TO_CLOB} pieces for a CLOB column.
 */
final class OracleText {
  static final int PIECE = 700;

  private OracleText() {}

  static String literal(String s, boolean clob) {
    if (s.isEmpty()) {
      return "''"; // Oracle reads the empty string as NULL; nothing in a literal can change that
    }
    List<String> pieces = new ArrayList<>();
    for (int from = 0; from < s.length(); ) {
      int to = Math.min(s.length(), from + PIECE);
      if (to < s.length() && Character.isHighSurrogate(s.charAt(to - 1))) {
        to--; // keep a surrogate pair in one piece
      }
      String piece = piece(s.substring(from, to));
      pieces.add(clob && s.length() > PIECE ? "TO_CLOB(" + piece + ")" : piece);
      from = to;
    }
    return pieces.size() == 1 ? pieces.get(0) : "(" + String.join(" || ", pieces) + ")";
  }

  private static String piece(String s) {
    boolean plain = s.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7F);
    if (plain) {
      return "'" + s.replace("'", "''") + "'";
    }
    StringBuilder sb = new StringBuilder("UNISTR('");
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\'') {
        sb.append("''");
      } else if (ch >= 0x20 && ch < 0x7F && ch != '\\') {
        sb.append(ch);
      } else {
        sb.append('\\').append(String.format("%04X", (int) ch));
      }
    }
    return sb.append("')").toString();
  }
}
