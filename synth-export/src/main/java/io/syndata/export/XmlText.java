package io.syndata.export;

import io.syndata.schema.SynthException;

/** XML names and character checks shared by the XML formats. */
final class XmlText {
  private XmlText() {}

  /**
   * A column or table name as an XML element name: characters an XML name cannot hold become {@code
   * _xHHHH_}, as SQL/XML (ISO 9075-14) maps SQL identifiers; {@code _x} itself is escaped so the
   * mapping can be undone.
   */
  static String elementName(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      boolean escapeUnderscore = cp == '_' && i + 1 < name.length() && name.charAt(i + 1) == 'x';
      boolean valid = sb.isEmpty() ? isNameStart(cp) : isNameChar(cp);
      if (!valid
          || escapeUnderscore
          || (sb.isEmpty() && name.regionMatches(true, 0, "xml", 0, 3))) {
        sb.append(String.format("_x%04X_", cp));
      } else {
        sb.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  /** Whether {@code name} is an XML name as it stands (no colon: names are unqualified). */
  static boolean isName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      if (i == 0 ? !isNameStart(cp) : !isNameChar(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  private static boolean isNameStart(int cp) {
    return cp == '_'
        || (cp >= 'A' && cp <= 'Z')
        || (cp >= 'a' && cp <= 'z')
        || (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && cp < 0x300)
        || (cp >= 0x370 && cp != 0x37E && cp < 0x2000)
        || (cp >= 0x3001 && cp < 0xD800)
        || (cp >= 0xF900 && cp < 0xFDD0)
        || (cp >= 0x10000 && cp < 0xF0000);
  }

  private static boolean isNameChar(int cp) {
    return isNameStart(cp)
        || cp == '-'
        || cp == '.'
        || (cp >= '0' && cp <= '9')
        || cp == 0xB7
        || (cp >= 0x300 && cp < 0x370);
  }

  /**
   * @throws SynthException naming table, column and row when the text holds a character XML 1.0
   *     cannot carry (control characters other than tab and line breaks, unpaired surrogates)
   */
  static void checkChars(String text, String table, String column, long row) {
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      boolean ok;
      if (Character.isHighSurrogate(ch)) {
        ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        i++;
      } else {
        ok =
            ch == '\t'
                || ch == '\n'
                || ch == '\r'
                || (ch >= 0x20 && ch < 0xD800)
                || (ch >= 0xE000 && ch < 0xFFFE);
      }
      if (!ok) {
        throw new SynthException(
            String.format(
                "table %s, column %s, row %d: the value holds character U+%04X, which XML 1.0 cannot"
                    + " carry; choose another format",
                table, column, row, (int) ch));
      }
    }
  }

  /** Escapes an attribute value so that a parser reads it back exactly (tabs and breaks too). */
  static void attribute(StringBuilder out, String text) {
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      switch (ch) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\t' -> out.append("&#9;");
        case '\n' -> out.append("&#10;");
        case '\r' -> out.append("&#13;");
        default -> out.append(ch);
      }
    }
  }
}
