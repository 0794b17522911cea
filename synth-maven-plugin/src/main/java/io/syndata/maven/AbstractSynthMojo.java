package io.syndata.maven;

import io.syndata.schema.SynthException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * What every goal shares: {@code <skip>}, the credentials of the database it connects to, and the
 * mapping of SynData's errors to one-line build failures.
 */
abstract class AbstractSynthMojo extends AbstractMojo {
  /** Skips the goal. */
  @Parameter(property = "synth.skip", defaultValue = "false")
  boolean skip;

  /**
   * The database user: for {@code generate} and {@code report} of the target, for {@code
   * introspect} and {@code train} of the source. Added to the JDBC URL; a user in the URL wins.
   */
  @Parameter(property = "synth.user")
  String user;

  /** The database password, with {@code <user>}. Prefer {@code <serverId>}. */
  @Parameter(property = "synth.password")
  String password;

  /**
   * The id of a {@code <server>} in {@code settings.xml} whose username and password (decrypted
   * when encrypted with {@code mvn --encrypt-password}) log into the database, like {@code
   * <user>}/{@code <password>}.
   */
  @Parameter(property = "synth.serverId")
  String serverId;

  @Parameter(defaultValue = "${settings}", readonly = true)
  Settings settings;

  @Component SettingsDecrypter decrypter;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("synth: skipped (synth.skip)");
      return;
    }
    String reason = skipReason();
    if (reason != null) {
      getLog().info("synth: skipped (" + reason + ")");
      return;
    }
    try {
      run();
    } catch (SynthException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
  }

  /** Why the goal should not run although {@code <skip>} is false, or null. */
  String skipReason() {
    return null;
  }

  abstract void run() throws MojoFailureException;

  /**
   * The URL with this goal's credentials: {@code <serverId>}, else {@code <user>}/{@code
   * <password>}.
   */
  String withCredentials(String url) throws MojoFailureException {
    return Credentials.resolve("", serverId, user, password, settings, decrypter).applyTo(url);
  }
}
