package io.syndata.model;

import static io.syndata.model.Fixtures.col;
import static io.syndata.model.Fixtures.fk;
import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.data.InMemorySource;
import io.syndata.data.InMemoryTarget;
import io.syndata.schema.Column;
import io.syndata.schema.ColumnKind;
import io.syndata.schema.DataType;
import io.syndata.schema.Schema;
import io.syndata.schema.SchemaFile;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
  @TempDir static Path dir;

  private static InMemorySource shop;
  private static InMemorySource league;
  private static SynthModel shopModel;
  private static SynthModel leagueModel;

  /** Secret values of the league: unique random strings that no model file may hold. */
  private static final Set<String> SECRETS = new TreeSet<>();

  @BeforeAll
  static void fit() {
    shop = Fixtures.shop(11, 400);
    shopModel = Fixtures.fit(shop, FitOptions.defaults(5));
    league = league(21);
    leagueModel = Fixtures.fit(league, new FitOptions(5, OrphanPolicy.FAIL, 1_000));
  }

  private static Column column(
      String name, DataType type, int length, int scale, boolean nullable, ColumnKind kind) {
    return new Column(name, type, "", length, 12, scale, nullable, kind, Optional.empty(), false);
  }

  private static String random(Random random, int length) {
    String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sb.append(chars.charAt(random.nextInt(chars.length())));
    }
    return sb.toString();
  }

  /**
   * Teams and players: a foreign-key cycle (a team's captain is a player of some team), a
   * self-reference (mentors), UUID keys and categories, times, timestamps with time zone,
   * categories of longs, decimals and dates, nullable booleans, an excluded column, random badges
   * (an identifier column), nicknames and free text, personal data of a known and an unknown kind,
   * a category with too many values (modelled by shape), and born &lt;= died in every row. The
   * secret strings are collected in {@link #SECRETS}; every row is in the training sample.
   */
  static InMemorySource league(long seed) {
    Random random = new Random(seed);
    Table teams =
        new Table(
            "teams",
            Optional.empty(),
            List.of(
                col("id", DataType.UUID, false, ColumnKind.ID),
                col("captain_id", DataType.INTEGER, true),
                col("name", DataType.STRING, false, ColumnKind.CATEGORICAL),
                col("founded", DataType.DATE, false),
                column("budget", DataType.DECIMAL, 0, 2, true, ColumnKind.NUMERIC),
                col("region", DataType.INTEGER, false, ColumnKind.CATEGORICAL),
                column("rating", DataType.DECIMAL, 0, 2, false, ColumnKind.CATEGORICAL),
                col("kickoff", DataType.TIME, false),
                col("active", DataType.BOOLEAN, true),
                new Column(
                    "legacy",
                    DataType.STRING,
                    "",
                    0,
                    0,
                    0,
                    true,
                    ColumnKind.TEXT,
                    Optional.empty(),
                    true)),
            List.of("id"),
            List.of(),
            List.of(fk("fk_captain", "captain_id", "players", "id")),
            0);
    Table players =
        new Table(
            "players",
            Optional.empty(),
            List.of(
                col("id", DataType.INTEGER, false),
                col("team_id", DataType.UUID, false),
                col("mentor_id", DataType.INTEGER, true),
                col("born", DataType.DATE, false),
                col("died", DataType.DATE, true),
                col("joined_at", DataType.TIMESTAMP_TZ, false),
                column("badge", DataType.STRING, 12, 0, false, ColumnKind.ID),
                column("nickname", DataType.STRING, 16, 0, false, ColumnKind.TEXT),
                column("bio", DataType.STRING, 0, 0, true, ColumnKind.TEXT),
                Fixtures.pii("handle", "username", 30),
                // Personal data of no known category: generated by its text shape.
                new io.syndata.schema.Column(
                    "aura",
                    DataType.STRING,
                    "varchar",
                    20,
                    0,
                    0,
                    false,
                    ColumnKind.PII,
                    java.util.Optional.empty(),
                    false),
                col("token", DataType.UUID, false, ColumnKind.CATEGORICAL),
                col("tag", DataType.STRING, false, ColumnKind.CATEGORICAL),
                col("score", DataType.FLOAT, true),
                col("season", DataType.DATE, false, ColumnKind.CATEGORICAL)),
            List.of("id"),
            List.of(),
            List.of(
                fk("fk_team", "team_id", "teams", "id"),
                fk("fk_mentor", "mentor_id", "players", "id")),
            0);
    String[] words = {"keeps", "goal", "fast", "left", "wing", "strong", "header", "calm"};
    UUID[] tokens = {new UUID(1, 2), new UUID(3, 4), new UUID(5, 6)};
    List<Object[]> ts = new ArrayList<>();
    List<Object[]> ps = new ArrayList<>();
    long playerId = 1000;
    for (int t = 0; t < 60; t++) {
      UUID id = new UUID(random.nextLong(), random.nextLong());
      int squad = 5 + random.nextInt(20);
      long firstPlayer = playerId;
      for (int p = 0; p < squad; p++) {
        LocalDate born = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(18_000));
        String badge = random(random, 10);
        String nickname = random(random, 12);
        String word = random(random, 9);
        SECRETS.add(badge);
        SECRETS.add(nickname);
        SECRETS.add(word);
        StringBuilder bio = new StringBuilder("Player ").append(word);
        for (int w = random.nextInt(12) + 6; w > 0; w--) {
          bio.append(' ').append(words[random.nextInt(words.length)]);
        }
        ps.add(
            new Object[] {
              playerId,
              id,
              playerId == firstPlayer || random.nextDouble() < 0.3
                  ? null
                  : firstPlayer + random.nextInt((int) (playerId - firstPlayer)),
              born,
              random.nextDouble() < 0.7 ? null : born.plusDays(1_000 + random.nextInt(30_000)),
              OffsetDateTime.of(
                  LocalDateTime.of(2020, 1, 1, 0, 0)
                      .plusSeconds(random.nextInt(86_400 * 700))
                      .plusNanos(random.nextInt(1000) * 1_000_000L),
                  ZoneOffset.UTC),
              badge,
              nickname,
              random.nextDouble() < 0.1 ? null : bio.toString(),
              "user_" + random(random, 6),
              words[random.nextInt(words.length)],
              tokens[random.nextInt(tokens.length)],
              "tag" + playerId,
              random.nextDouble() < 0.1 ? null : Math.round(random.nextGaussian() * 100) / 10.0,
              LocalDate.of(2018 + random.nextInt(5), 1 + random.nextInt(2) * 6, 1)
            });
        playerId++;
      }
      ts.add(
          new Object[] {
            id,
            random.nextDouble() < 0.3 ? null : firstPlayer + random.nextInt(squad),
            "Team " + (char) ('A' + t % 10),
            LocalDate.of(1880, 1, 1).plusDays(random.nextInt(40_000)),
            random.nextDouble() < 0.2
                ? null
                : BigDecimal.valueOf(100_000 + random.nextInt(9_000_000), 2),
            10L * (1 + t % 4),
            BigDecimal.valueOf(150 + 25 * (t % 3), 2),
            LocalTime.of(12 + t % 8, (t % 4) * 15, t % 2 == 0 ? 0 : 30),
            t % 7 == 0 ? null : t % 2 == 0,
            null
          });
    }
    return InMemorySource.ofRows(
        new Schema(List.of(teams, players)), Map.of("teams", ts, "players", ps));
  }

  private static void assertSameRows(SynthModel original, SynthModel loaded, long seed) {
    InMemoryTarget a = Fixtures.generate(original, Fixtures.seed(seed));
    InMemoryTarget b = Fixtures.generate(loaded, Fixtures.seed(seed));
    assertThat(b.tables()).isEqualTo(a.tables());
    for (String table : a.tables()) {
      assertThat(a.rowCount(table)).as(table).isPositive();
      assertThat(b.columns(table)).as(table).isEqualTo(a.columns(table));
      List<Object[]> ra = a.rows(table);
      List<Object[]> rb = b.rows(table);
      assertThat(rb).as(table).hasSameSizeAs(ra);
      for (int r = 0; r < ra.size(); r++) {
        // equals, not compareTo: BigDecimal scale and value classes must match too
        assertThat(Arrays.asList(rb.get(r)))
            .as("%s row %d", table, r)
            .isEqualTo(Arrays.asList(ra.get(r)));
        for (int c = 0; c < ra.get(r).length; c++) {
          if (ra.get(r)[c] != null) {
            assertThat(rb.get(r)[c]).isExactlyInstanceOf(ra.get(r)[c].getClass());
          }
        }
      }
    }
  }

  @Test
  void loadedShopGeneratesExactlyTheRowsOfTheFittedOne() {
    Path file = dir.resolve("shop.synth");
    ModelFile.write(shopModel, file);
    FittedModel loaded = ModelFile.read(file);
    assertThat(loaded.provenance()).isEqualTo(shopModel.provenance());
    assertThat(loaded.orphans()).isEqualTo(shopModel.orphans());
    assertThat(loaded.graph().schema()).isEqualTo(shopModel.graph().schema());
    assertSameRows(shopModel, loaded, 7);
    assertSameRows(shopModel, loaded, 8);
  }

  @Test
  void loadedLeagueGeneratesExactlyTheRowsOfTheFittedOne() {
    Path file = dir.resolve("league.synth");
    ModelFile.write(leagueModel, file);
    FittedModel loaded = ModelFile.read(file);
    assertThat(loaded.graph().deferred()).hasSize(2);
    assertThat(loaded.graph().schema()).isEqualTo(leagueModel.graph().schema());
    assertThat(loaded.table("players").keyFormats())
        .isEqualTo(leagueModel.table("players").keyFormats());
    assertSameRows(leagueModel, loaded, 3);
  }

  @Test
  void sameModelGivesTheSameBytesAndALoadedModelWritesThemAgain() throws IOException {
    Path a = dir.resolve("a.synth");
    Path b = dir.resolve("b.synth");
    Path c = dir.resolve("c.synth");
    ModelFile.write(leagueModel, a);
    ModelFile.write(leagueModel, b);
    ModelFile.write(ModelFile.read(a), c);
    assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
    assertThat(Files.readAllBytes(c)).isEqualTo(Files.readAllBytes(a));
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void describeListsTablesInGenerationOrderWithTheirKindsAndSizes() {
    Path file = dir.resolve("describe.synth");
    ModelFile.write(shopModel, file);
    ModelFile.Contents contents = ModelFile.describe(file);
    assertThat(contents.tables())
        .extracting(ModelFile.TableEntry::name)
        .containsExactlyElementsOf(shopModel.provenance().tableKinds().keySet());
    assertThat(contents.tables())
        .allSatisfy(
            t -> {
              assertThat(t.kind()).isEqualTo("statistical");
              assertThat(t.modelBytes()).isPositive();
            });
    assertThat(contents.fileBytes()).isEqualTo(file.toFile().length());
    assertThat(contents.sha256()).hasSize(64);
  }

  @Test
  void holdsNoSourceValueOfTextIdentifierOrPersonalDataColumns() throws IOException {
    Path file = dir.resolve("secrets.synth");
    ModelFile.write(leagueModel, file);
    String text = unpack(file)[0] + unpack(file)[1];
    assertThat(SECRETS).hasSizeGreaterThan(2_000);
    // the fixture reads them: they are in the training data
    assertThat(Fixtures.rows(league, "players"))
        .anySatisfy(r -> assertThat(SECRETS).contains((String) r.get("badge")));
    for (String secret : SECRETS) {
      assertThat(text).as("the model file holds a source value").doesNotContain(secret);
    }
    for (Map<String, Object> row : Fixtures.rows(league, "players")) {
      assertThat(text).doesNotContain((String) row.get("handle"));
      assertThat(text).doesNotContain((String) row.get("tag"));
    }
    Path shopFile = dir.resolve("shop-secrets.synth");
    ModelFile.write(shopModel, shopFile);
    String shopText = unpack(shopFile)[1];
    for (Map<String, Object> row : Fixtures.rows(shop, "customers")) {
      assertThat(shopText).doesNotContain((String) row.get("email"));
      assertThat(shopText).doesNotContain((String) row.get("id"));
    }
    assertThat(shopText).doesNotContain("Real biography", "example-real.org");
  }

  // ---- damaged and foreign files -------------------------------------------------------------

  private Path written(String name) {
    Path file = dir.resolve(name);
    ModelFile.write(shopModel, file);
    return file;
  }

  private static String failure(Path file) {
    try {
      ModelFile.read(file);
    } catch (SynthException e) {
      assertThat(e.getMessage()).doesNotContain("\n").contains(file.toString());
      return e.getMessage();
    }
    throw new AssertionError("reading " + file + " did not fail");
  }

  @Test
  void truncatedFileIsReportedAsTruncated() throws IOException {
    Path file = written("truncated.synth");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    assertThat(failure(file)).contains("is truncated or corrupted");
  }

  @Test
  void flippedByteIsReportedAsCorrupted() throws IOException {
    Path file = written("flipped.synth");
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x5A;
    Files.write(file, bytes);
    assertThat(failure(file)).contains("corrupted");
  }

  @Test
  void changedPayloadFailsTheChecksum() throws IOException {
    Path file = written("edited.synth");
    String[] parts = unpack(file);
    pack(file, parts[0], parts[1].replace("\"seed\" : 5", "\"seed\" : 6"));
    assertThat(failure(file)).contains("is corrupted: its checksum does not match its contents");
  }

  @Test
  void schemaFileCsvAndOtherGzipFilesAreNotModelFiles() throws IOException {
    Path schema = dir.resolve("shop.schema.json");
    SchemaFile.write(shop.schema(), schema);
    assertThat(failure(schema))
        .isEqualTo(
            schema + " is not a SynData model file (model files are written by synth train)");
    Path csv = dir.resolve("customers.csv");
    Files.writeString(csv, "id,name\n1,a\n");
    assertThat(failure(csv)).contains("is not a SynData model file");
    Path gz = dir.resolve("customers.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write("id,name\n1,a\n".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(failure(gz)).contains("is not a SynData model file");
    Path empty = dir.resolve("empty.synth");
    Files.write(empty, new byte[0]);
    assertThat(failure(empty)).contains("is not a SynData model file");
    assertThat(failure(dir.resolve("missing.synth"))).contains("does not exist");
  }

  @Test
  void newerFormatVersionIsRefusedNamingBothVersions() throws IOException {
    Path file = written("v99.synth");
    String[] parts = unpack(file);
    pack(file, parts[0].replace("\"version\":1", "\"version\":99"), parts[1]);
    assertThat(failure(file))
        .endsWith(" was written by a newer SynData: format 99, this version reads 1");
  }

  @Test
  void tableOfAKindThatIsNotInstalledIsRefusedNamingTheKinds() throws IOException {
    Path file = written("vaegan.synth");
    String[] parts = unpack(file);
    String body =
        parts[1].replaceFirst(
            "(\"name\" : \"orders\",\\s*\"kind\" : )\"statistical\"", "$1\"vaegan\"");
    assertThat(body).isNotEqualTo(parts[1]);
    pack(
        file,
        parts[0].replaceAll("\"sha256\":\"[0-9a-f]+\"", "\"sha256\":\"" + sha256(body) + "\""),
        body);
    assertThat(failure(file))
        .isEqualTo(
            "model file "
                + file
                + ": table orders: model kind vaegan is not available; the kinds available are [statistical]");
    // what the file says about itself is still readable
    assertThat(ModelFile.describe(file).tables())
        .extracting(ModelFile.TableEntry::kind)
        .contains("vaegan");
  }

  @Test
  void invalidTableModelIsReportedNamingTheTable() throws IOException {
    Path file = written("invalid.synth");
    String[] parts = unpack(file);
    String body = parts[1].replaceFirst("\"copulaIndex\" : \\[[^]]*]", "\"copulaIndex\" : [ 0 ]");
    assertThat(body).isNotEqualTo(parts[1]);
    pack(
        file,
        parts[0].replaceAll("\"sha256\":\"[0-9a-f]+\"", "\"sha256\":\"" + sha256(body) + "\""),
        body);
    assertThat(failure(file))
        .startsWith("model file " + file + ": table customers: \"copulaIndex\"");
  }

  /** The header line and the payload of a model file. */
  static String[] unpack(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      String text = out.toString(StandardCharsets.UTF_8);
      int newline = text.indexOf('\n');
      return new String[] {
        text.substring(0, newline), text.substring(newline + 1, text.length() - 1)
      };
    }
  }

  static void pack(Path file, String header, String body) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write((header + "\n" + body + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  static String sha256(String body) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
