package io.syndata.export;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Page compression for the Parquet writer without Hadoop: parquet's own codec factory builds a
 * Hadoop {@code Configuration} for every codec, which needs the whole Hadoop client runtime (and
 * the CDDL-licensed libraries it bundles). Snappy (raw blocks), zstd (level 3) and gzip produce
 * what Parquet readers expect for those codecs. Write-only: the exporter never reads pages back.
 */
final class ParquetCodecs implements CompressionCodecFactory {
  private static final int ZSTD_LEVEL = 3;

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    return new BytesInputCompressor() {
      @Override
      public BytesInput compress(BytesInput bytes) throws IOException {
        return switch (codec) {
          case UNCOMPRESSED -> bytes;
          case SNAPPY -> BytesInput.from(Snappy.compress(bytes.toByteArray()));
          case ZSTD -> BytesInput.from(Zstd.compress(bytes.toByteArray(), ZSTD_LEVEL));
          case GZIP -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
              bytes.writeAllTo(gzip);
            }
            yield BytesInput.from(out.toByteArray());
          }
          default -> throw new IOException("no " + codec + " compressor in the exporter");
        };
      }

      @Override
      public CompressionCodecName getCodecName() {
        return codec;
      }

      @Override
      public void release() {}
    };
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    throw new UnsupportedOperationException("the Parquet exporter writes, it never decompresses");
  }

  @Override
  public void release() {}
}
