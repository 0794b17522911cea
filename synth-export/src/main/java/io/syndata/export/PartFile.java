package io.syndata.export;

import io.syndata.data.RowBatch;
import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One committed partition of a partitioned folder run: its batches, in the order the generator
 * wrote them, each as the table's written columns in {@link SpooledTarget}'s compact encoding. A
 * part is written under a temporary name, forced to disk and renamed into place, so a part file
 * that exists is whole; reading it back gives batches equal, value for value, to the ones written.
 */
final class PartFile {
  private static final int MAGIC = 0x53594e50; // "SYNP"

  private PartFile() {}

  /** Writes the batches to {@code file} atomically (temporary name, force, rename). */
  static void write(Path file, Schema schema, List<RowBatch> batches) {
    Path tmp = file.resolveSibling(".tmp-" + UUID.randomUUID() + "-" + file.getFileName());
    try {
      try (FileOutputStream fos = new FileOutputStream(tmp.toFile());
          DataOutputStream out = new DataOutputStream(new BufferedOutputStream(fos, 1 << 16))) {
        out.writeInt(MAGIC);
        for (RowBatch batch : batches) {
          writeBatch(out, table(schema, batch.table()), batch);
        }
        out.writeBoolean(false);
        out.flush();
        fos.getFD().sync();
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      FolderRunRecord.forceDirectory(file.getParent());
    } catch (IOException e) {
      Folders.deleteQuietly(tmp);
      throw new SynthException("cannot write the part file " + file + ": " + e.getMessage(), e);
    }
  }

  private static void writeBatch(DataOutputStream out, Table t, RowBatch batch) throws IOException {
    out.writeBoolean(true);
    out.writeUTF(t.name());
    out.writeInt(batch.size());
    SpooledTarget.encodeRows(out, t, batch);
  }

  /** Reads a part file back, handing each batch (the table's written columns) to {@code sink}. */
  static void read(Path file, Schema schema, Consumer<RowBatch> sink) {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != MAGIC) {
        throw new SynthException("the part file " + file + " is not one this version writes");
      }
      while (in.readBoolean()) {
        Table t = table(schema, in.readUTF());
        int size = in.readInt();
        List<Column> columns = t.writtenColumns();
        DataType[] types = columns.stream().map(Column::type).toArray(DataType[]::new);
        Object[][] values = new Object[types.length][size];
        for (int r = 0; r < size; r++) {
          for (int c = 0; c < types.length; c++) {
            values[c][r] = SpooledTarget.decode(in, types[c]);
          }
        }
        sink.accept(
            new RowBatch(t.name(), columns.stream().map(Column::name).toList(), values, size));
      }
    } catch (EOFException e) {
      throw new SynthException("the part file " + file + " ended early", e);
    } catch (IOException e) {
      throw new SynthException("cannot read the part file " + file + ": " + e.getMessage(), e);
    }
  }

  private static Table table(Schema schema, String name) {
    return schema
        .find(name)
        .orElseThrow(
            () ->
                new SynthException(
                    "table " + name + " is not part of the schema of this partitioned run"));
  }
}
