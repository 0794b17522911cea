package io.syndata.connectors;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks passwords in text that is about to be shown: JDBC URLs lose their passwords, {@code
 * password=…} settings lose their values, and every occurrence of a known password — as a driver
 * echoes it in its own words ({@code Incorrect port value : S3cretPW@host}) — becomes {@value
 * #MASK}. The passwords are known from the locations the run was given.
 *
 * <p>A password shorter than {@value #MIN_FREE_TEXT} characters is masked only where it stands as a
 * password (in a URL or setting): masking every occurrence of two letters would garble the message
 * without protecting anything such a password could.
 */
public final class Secrets {
  /** What a password is replaced with. */
  public static final String MASK = "***";

  static final int MIN_FREE_TEXT = 4;

  private static final Secrets NONE = new Secrets(List.of());
  private static final Pattern JDBC_URL = Pattern.compile("jdbc:[^\\s'\"<>]+");
  private static final Pattern SETTING =
      Pattern.compile("(?i)\\b(password|pwd)(\\s*[=:]\\s*)[^\\s&;,'\"]+");
  private static final Pattern USER_INFO = Pattern.compile("//[^/@:?;\\s]*:([^/@\\s]*)@");
  private static final Pattern PARAM = Pattern.compile("(?i)[?&;](?:password|pwd)=([^&;\\s]*)");
  private static final Pattern ORACLE = Pattern.compile("(?i)^jdbc:oracle:[a-z]+:[^/@]*/([^@]+)@");

  /** Known passwords, longest first so that one inside another is masked whole. */
  private final List<String> passwords;

  private Secrets(List<String> passwords) {
    this.passwords = passwords;
  }

  /** A masker that knows no password: it masks URLs and settings only. */
  public static Secrets none() {
    return NONE;
  }

  /** A masker for the passwords of the given locations (JDBC URLs; anything else adds none). */
  public static Secrets of(Collection<String> locations) {
    Set<String> found = new LinkedHashSet<>();
    for (String location : locations) {
      if (location == null || !location.regionMatches(true, 0, "jdbc:", 0, 5)) {
        continue;
      }
      for (Pattern p : List.of(USER_INFO, PARAM, ORACLE)) {
        Matcher m = p.matcher(location);
        while (m.find()) {
          String raw = m.group(1);
          if (!raw.isEmpty()) {
            found.add(raw);
            found.add(decoded(raw));
          }
        }
      }
    }
    List<String> passwords = new ArrayList<>();
    for (String p : found) {
      if (p.length() >= MIN_FREE_TEXT) {
        passwords.add(p);
      }
    }
    passwords.sort(Comparator.comparingInt(String::length).reversed());
    return new Secrets(List.copyOf(passwords));
  }

  /** A masker for one JDBC URL's passwords. */
  public static Secrets of(String location) {
    return of(List.of(location));
  }

  private static String decoded(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }

  /** The text with every password masked. */
  public String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String masked = JDBC_URL.matcher(text).replaceAll(m -> Matcher.quoteReplacement(mask1(m)));
    masked = SETTING.matcher(masked).replaceAll("$1$2" + Matcher.quoteReplacement(MASK));
    for (String p : passwords) {
      masked = masked.replace(p, MASK);
    }
    return masked;
  }

  private static String mask1(MatchResult url) {
    return JdbcUrls.mask(url.group());
  }

  /**
   * The exception as is when no message in its chain holds a password, else a copy of the chain
   * whose messages are masked: each link keeps its stack trace, and its message starts with the
   * original class's name.
   */
  public Throwable mask(Throwable e) {
    if (!leaks(e)) {
      return e;
    }
    return copy(e, 0);
  }

  private boolean leaks(Throwable e) {
    int depth = 0;
    for (Throwable t = e; t != null && depth < 50; t = t.getCause(), depth++) {
      String m = t.getMessage();
      if (m != null && !m.equals(mask(m))) {
        return true;
      }
    }
    return false;
  }

  private Throwable copy(Throwable e, int depth) {
    Throwable cause = e.getCause() == null || depth > 50 ? null : copy(e.getCause(), depth + 1);
    Masked masked = new Masked(e.getClass().getName() + ": " + mask(e.getMessage()), cause);
    masked.setStackTrace(e.getStackTrace());
    return masked;
  }

  /** An exception whose message was masked; its message names the class it stands for. */
  static final class Masked extends Exception {
    private static final long serialVersionUID = 1L;

    Masked(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
