package io.syndata.connectors;

import java.util.regex.Pattern;

/** Renders JDBC URLs for messages: never with a password. */
final class JdbcUrls {
  // password=..., pwd=... as a query or ;-separated property, with the separator that precedes it
  private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&;])(password|pwd)=[^&;]*");
  private static final Pattern USER_INFO = Pattern.compile("//([^/@:?;]*):[^/@]*@");

  private JdbcUrls() {}

  static String mask(String url) {
    String masked = USER_INFO.matcher(url).replaceAll("//$1@");
    masked = PASSWORD_PARAM.matcher(masked).replaceAll("$1");
    // Tidy what removing a parameter leaves behind: "?&a", "&&", "a&" or a dangling "?".
    return masked
        .replaceAll("\\?&+", "?")
        .replaceAll("&&+", "&")
        .replaceAll(";;+", ";")
        .replaceAll("[?&;]+$", "");
  }
}
