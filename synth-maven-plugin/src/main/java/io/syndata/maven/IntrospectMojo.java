package io.syndata.maven;

import io.syndata.connectors.Connectors;
import io.syndata.engine.SynData;
import io.syndata.schema.Schema;
import io.syndata.schema.SchemaFile;
import java.io.File;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Reads a source's schema (tables, columns, keys, foreign keys, row counts), guesses each column's
 * kind and writes an editable schema file, as {@code synth introspect --out} does.
 */
@Mojo(name = "introspect", threadSafe = true, requiresProject = false)
public final class IntrospectMojo extends AbstractSourceMojo {
  /** Where to write the schema file. */
  @Parameter(
      property = "synth.schemaOut",
      defaultValue = "${project.build.directory}/synth/schema.json")
  File schemaOut;

  /** Overwrite {@code <schemaOut>} when it exists (an edited schema file is otherwise kept). */
  @Parameter(property = "synth.force", defaultValue = "false")
  boolean force;

  @Override
  void run() throws MojoFailureException {
    String location =
        Checks.required("source", source, "a JDBC URL or a folder of CSV files to introspect");
    if (schemaOut.exists() && !force) {
      throw new MojoFailureException(
          "<schemaOut> "
              + schemaOut
              + " exists: set <force>true</force> (-Dsynth.force) to overwrite it");
    }
    getLog().info("synth: introspecting " + Connectors.redact(location));
    Schema schema =
        SynData.introspect(sourceSpec(withCredentials(location)), new MavenProgress(getLog()));
    File dir = schemaOut.getAbsoluteFile().getParentFile();
    if (dir != null) {
      dir.mkdirs();
    }
    SchemaFile.write(schema, schemaOut.toPath());
    getLog().info("synth: wrote " + schemaOut + " (" + schema.tables().size() + " tables)");
  }
}
