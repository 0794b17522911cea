package io.syndata.maven;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * A database login from the POM or from a {@code <server>} of {@code settings.xml}, added to a JDBC
 * URL the way its driver reads it: H2 takes {@code ;USER=…;PASSWORD=…}, the others URL parameters.
 */
record Credentials(String user, String password) {
  static final Credentials NONE = new Credentials(null, null);

  /**
   * @param prefix the parameters' prefix ({@code ""} or {@code "source"}), for messages
   */
  static Credentials resolve(
      String prefix,
      String serverId,
      String user,
      String password,
      Settings settings,
      SettingsDecrypter decrypter)
      throws MojoFailureException {
    String idParam = prefix.isEmpty() ? "serverId" : prefix + "ServerId";
    if (blank(serverId)) {
      return blank(user) && blank(password) ? NONE : new Credentials(user, password);
    }
    if (!blank(user) || !blank(password)) {
      throw new MojoFailureException(
          "give either <"
              + idParam
              + "> or <"
              + (prefix.isEmpty() ? "user" : prefix + "User")
              + ">/<"
              + (prefix.isEmpty() ? "password" : prefix + "Password")
              + ">, not both");
    }
    Server server = settings == null ? null : settings.getServer(serverId);
    if (server == null) {
      throw new MojoFailureException(
          "<"
              + idParam
              + "> "
              + serverId
              + " names no <server> in settings.xml: add <server><id>"
              + serverId
              + "</id><username>…</username><password>…</password></server>");
    }
    if (decrypter != null) {
      SettingsDecryptionResult result =
          decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
      for (SettingsProblem problem : result.getProblems()) {
        if (problem.getSeverity().ordinal() <= SettingsProblem.Severity.ERROR.ordinal()) {
          throw new MojoFailureException(
              "<" + idParam + "> " + serverId + ": cannot decrypt its password: " + problem);
        }
      }
      server = result.getServer();
    }
    return new Credentials(server.getUsername(), server.getPassword());
  }

  /** The URL with this login added, unless the URL names a user itself. */
  String applyTo(String url) {
    if (url == null || (blank(user) && blank(password)) || !url.startsWith("jdbc:")) {
      return url;
    }
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:h2:")) {
      if (lower.contains(";user=")) {
        return url;
      }
      return url
          + (blank(user) ? "" : ";USER=" + user)
          + (blank(password) ? "" : ";PASSWORD=" + password);
    }
    if (lower.matches(".*[?&]user=.*")) {
      return url;
    }
    StringBuilder s = new StringBuilder(url).append(url.contains("?") ? '&' : '?');
    if (!blank(user)) {
      s.append("user=").append(URLEncoder.encode(user, StandardCharsets.UTF_8));
    }
    if (!blank(password)) {
      s.append(blank(user) ? "" : "&")
          .append("password=")
          .append(URLEncoder.encode(password, StandardCharsets.UTF_8));
    }
    return s.toString();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
