package io.syndata.model.fit;

import io.syndata.schema.Schema;
import io.syndata.schema.SchemaFile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A fingerprint of a schema: SHA-256 of its schema-file form. */
public final class SchemaHash {
  private SchemaHash() {}

  public static String of(Schema schema) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(SchemaFile.toJson(schema).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
