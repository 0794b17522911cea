package io.syndata.connectors;

import io.syndata.schema.SynthException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Decodes a file's bytes strictly: a byte sequence that is not valid in the file's encoding is a
 * {@link SynthException} naming the file, line and column (counted as an editor counts them), never
 * a replacement character.
 *
 * <p>Without an explicit encoding the file's byte-order mark decides (UTF-8, UTF-16 LE or BE), and
 * a file without one is read as UTF-8. No other encoding is guessed: Latin-1 and windows-1252
 * accept every byte, so a guess would silently turn a wrong reading into data.
 */
final class DecodingReader extends Reader {
  private static final int BUFFER = 1 << 16;

  private final InputStream in;
  private final Path file;
  private final Charset charset;
  private final boolean explicit;
  private final CharsetDecoder decoder;
  private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
  private final CharBuffer chars = CharBuffer.allocate(BUFFER);
  private boolean eof;
  private boolean done;
  private SynthException error;

  /** Position of the next decoded character: 1-based line, 0-based characters into the line. */
  private long line = 1;

  private long column;
  private boolean afterCr;

  private DecodingReader(InputStream in, Path file, Charset charset, boolean explicit) {
    this.in = in;
    this.file = file;
    this.charset = charset;
    this.explicit = explicit;
    this.decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    bytes.flip();
    chars.flip();
  }

  /**
   * A reader of {@code in}, the content of {@code file}, in the given encoding or, when empty, the
   * one its byte-order mark names (UTF-8 without one). A UTF-8 byte-order mark is skipped.
   */
  static DecodingReader open(InputStream in, Path file, Optional<Charset> encoding)
      throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, BUFFER);
    buffered.mark(3);
    byte[] head = buffered.readNBytes(3);
    buffered.reset();
    int b0 = head.length > 0 ? head[0] & 0xFF : -1;
    int b1 = head.length > 1 ? head[1] & 0xFF : -1;
    int b2 = head.length > 2 ? head[2] & 0xFF : -1;
    boolean utf8Bom = b0 == 0xEF && b1 == 0xBB && b2 == 0xBF;
    Charset charset;
    if (encoding.isPresent()) {
      charset = encoding.get();
    } else if (b0 == 0xFE && b1 == 0xFF) {
      charset = StandardCharsets.UTF_16; // reads the mark and skips it
    } else if (b0 == 0xFF && b1 == 0xFE) {
      charset = StandardCharsets.UTF_16; // likewise, little-endian
    } else {
      charset = StandardCharsets.UTF_8;
    }
    if (utf8Bom && charset.equals(StandardCharsets.UTF_8)) {
      buffered.skipNBytes(3);
    }
    return new DecodingReader(buffered, file, charset, encoding.isPresent());
  }

  /** The encoding the file is read in. */
  Charset charset() {
    return charset;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!chars.hasRemaining() && !fill()) {
      return -1;
    }
    int n = Math.min(len, chars.remaining());
    chars.get(buf, off, n);
    return n;
  }

  /** Decodes the next characters; false at the end of the file. */
  private boolean fill() throws IOException {
    chars.clear();
    String bad = null;
    while (chars.position() == 0 && error == null && bad == null && !done) {
      CoderResult result = decoder.decode(bytes, chars, eof);
      if (result.isError()) {
        bad = hex(result.length());
      } else if (result.isUnderflow()) {
        if (eof) {
          decoder.flush(chars);
          done = true;
        } else if (chars.position() == 0) {
          readBytes();
        }
      }
    }
    chars.flip();
    track();
    if (bad != null) {
      // after track(), so that the position is that of the bad bytes
      error = undecodable(bad);
    }
    if (!chars.hasRemaining() && error != null) {
      throw error;
    }
    return chars.hasRemaining();
  }

  private void readBytes() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
    if (n < 0) {
      eof = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  /** Moves the position over the characters just decoded (LF, CRLF and CR each end a line). */
  private void track() {
    for (int i = chars.position(); i < chars.limit(); i++) {
      char c = chars.get(i);
      if (c == '\n') {
        if (!afterCr) {
          line++;
        }
        column = 0;
        afterCr = false;
      } else if (c == '\r') {
        line++;
        column = 0;
        afterCr = true;
      } else {
        column++;
        afterCr = false;
      }
    }
  }

  /** The bad bytes at the buffer's position, in hex. */
  private String hex(int length) {
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < length && bytes.position() + i < bytes.limit(); i++) {
      hex.append(i == 0 ? "" : " ")
          .append(String.format(Locale.ROOT, "%02X", bytes.get(bytes.position() + i) & 0xFF));
    }
    return hex.toString();
  }

  private SynthException undecodable(String hex) {
    boolean one = hex.length() == 2;
    String what = (one ? "byte " : "bytes ") + hex;
    return new SynthException(
        "file "
            + file
            + " line "
            + line
            + ", column "
            + (column + 1)
            + ": "
            + what
            + (one ? " is" : " are")
            + " not valid "
            + charset.name()
            + (explicit
                ? " (the --encoding given): name the file's real encoding with --encoding"
                : ": the file is in another encoding (often ISO-8859-1 or windows-1252);"
                    + " name it with --encoding, or convert the file to UTF-8"));
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
