package io.syndata.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A music store built in code, shaped like the public sample databases people try first: a 5-row
 * lookup table (media types) with a child of thousands (tracks, whose price follows the media
 * type), genres, eight employees with job titles serving every customer, customers and invoices
 * with an address block (an invoice bills its customer's city and country), invoice numbers such as
 * {@code INV-2024-000123}, orders keyed {@code <customer_id>_<n>}, free-text album titles and
 * camelCase personal columns ({@code contactLastName}, {@code shipPostalCode}).
 */
final class MusicStore {
  private MusicStore() {}

  static final String[] MEDIA_TYPES = {
    "MPEG audio file",
    "Protected AAC audio file",
    "Protected MPEG-4 video file",
    "Purchased AAC audio file",
    "AAC audio file"
  };

  static final String[] GENRES = {
    "Rock",
    "Jazz",
    "Metal",
    "Alternative & Punk",
    "Rock And Roll",
    "Blues",
    "Latin",
    "Reggae",
    "Pop",
    "Soundtrack",
    "Bossa Nova",
    "Easy Listening",
    "Heavy Metal",
    "R&B/Soul",
    "Electronica/Dance",
    "World",
    "Hip Hop/Rap",
    "Science Fiction",
    "TV Shows",
    "Sci Fi & Fantasy",
    "Drama",
    "Comedy",
    "Alternative",
    "Classical",
    "Opera"
  };

  /** City, state (or null), country, postal code prefix: the address blocks used. */
  static final String[][] PLACES = {
    {"Berlin", null, "Germany", "10"},
    {"Stuttgart", null, "Germany", "70"},
    {"Paris", null, "France", "75"},
    {"Lyon", null, "France", "69"},
    {"Sao Paulo", "SP", "Brazil", "01"},
    {"Rio de Janeiro", "RJ", "Brazil", "20"},
    {"Toronto", "ON", "Canada", "M5"},
    {"Vancouver", "BC", "Canada", "V6"},
    {"New York", "NY", "USA", "10"},
    {"Chicago", "IL", "USA", "60"},
    {"Austin", "TX", "USA", "78"},
    {"London", null, "United Kingdom", "SW"},
    {"Madrid", null, "Spain", "28"},
    {"Lisbon", null, "Portugal", "11"},
    {"Prague", null, "Czech Republic", "14"}
  };

  static final String[] JOB_TITLES = {
    "General Manager", "Sales Manager", "Sales Support Agent", "IT Manager", "IT Staff"
  };

  private static final String[] FIRST = {
    "Luis",
    "Leonie",
    "Francois",
    "Bjorn",
    "Frantisek",
    "Helena",
    "Astrid",
    "Daan",
    "Kara",
    "Eduardo",
    "Alexandre",
    "Roberto",
    "Fernanda",
    "Mark",
    "Jennifer",
    "Frank",
    "Jack",
    "Michelle",
    "Tim",
    "Dan",
    "Kathy",
    "Heather",
    "John",
    "Robert",
    "Emma",
    "Phil",
    "Steve",
    "Mark",
    "Diego",
    "Luis",
    "Manoj",
    "Puja",
    "Hannah",
    "Niklas",
    "Camille",
    "Marc",
    "Wyatt",
    "Isabelle",
    "Ladislav",
    "Hugh",
    "Lucas",
    "Johannes",
    "Enrique",
    "Joakim",
    "Aaron",
    "Ellie",
    "Victor",
    "Madalena",
    "Terhi",
    "Stanislaw"
  };

  private static final String[] LAST = {
    "Goncalves",
    "Kohler",
    "Tremblay",
    "Hansen",
    "Wichterlova",
    "Holy",
    "Gruber",
    "Peeters",
    "Nielsen",
    "Martins",
    "Rocha",
    "Almeida",
    "Ramos",
    "Philips",
    "Peterson",
    "Harris",
    "Smith",
    "Brooks",
    "Goyer",
    "Miller",
    "Chase",
    "Gordon",
    "Ralston",
    "Stevens",
    "Cunningham",
    "Taylor",
    "Sullivan",
    "Murray",
    "Mercier",
    "Bernard",
    "Girard",
    "Schneider",
    "Zimmermann",
    "Kovacs",
    "Gutierrez",
    "Munoz",
    "Rojas",
    "Sampaio",
    "Hamalainen",
    "Wojcik",
    "Pareek",
    "Srivastava",
    "Mitchell",
    "Nowak",
    "Lindqvist",
    "Van der Berg",
    "OReilly",
    "Fernandes",
    "Weber",
    "Lambert"
  };

  private static final String[] TITLE_WORDS = {
    "love", "night", "blue", "heart", "road", "fire", "dream", "city", "light", "rain", "song",
    "time", "world", "river", "street", "summer", "dance", "soul", "moon", "gold", "live", "at",
    "the", "of", "in", "my", "greatest", "hits", "volume", "best"
  };

  /** Source row counts, per table. */
  static final int CUSTOMERS = 590;

  /** Creates the tables in a fresh database and fills them; deterministic for a seed. */
  static void create(Connection c, long seed) throws SQLException {
    create(c, seed, "\"");
  }

  /**
   * As {@link #create(Connection, long)}, quoting the camelCase column names with {@code quote} (a
   * backtick on MariaDB).
   */
  static void create(Connection c, long seed, String quote) throws SQLException {
    Random random = new Random(seed);
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE media_types (media_type_id INT PRIMARY KEY, name VARCHAR(120))");
      s.execute("CREATE TABLE genres (genre_id INT PRIMARY KEY, name VARCHAR(120))");
      s.execute("CREATE TABLE artists (artist_id INT PRIMARY KEY, name VARCHAR(120))");
      s.execute(
          "CREATE TABLE albums (album_id INT PRIMARY KEY, title VARCHAR(160) NOT NULL,"
              + " artist_id INT NOT NULL REFERENCES artists(artist_id))");
      s.execute(
          "CREATE TABLE tracks (track_id INT PRIMARY KEY, name VARCHAR(200) NOT NULL,"
              + " album_id INT REFERENCES albums(album_id),"
              + " media_type_id INT NOT NULL REFERENCES media_types(media_type_id),"
              + " genre_id INT REFERENCES genres(genre_id), milliseconds INT NOT NULL,"
              + " unit_price DECIMAL(10,2) NOT NULL CHECK (unit_price >= 0))");
      s.execute(
          "CREATE TABLE employees (employee_id INT PRIMARY KEY, last_name VARCHAR(20) NOT NULL,"
              + " first_name VARCHAR(20) NOT NULL, title VARCHAR(30),"
              + " reports_to INT REFERENCES employees(employee_id), hire_date DATE,"
              + " city VARCHAR(40), country VARCHAR(40), email VARCHAR(60))");
      s.execute(
          "CREATE TABLE customers (customer_id INT PRIMARY KEY, first_name VARCHAR(40) NOT NULL,"
              + " last_name VARCHAR(20) NOT NULL, address VARCHAR(70), city VARCHAR(40),"
              + " state VARCHAR(40), country VARCHAR(40), postal_code VARCHAR(10),"
              + " email VARCHAR(60) NOT NULL,"
              + " support_rep_id INT NOT NULL REFERENCES employees(employee_id))");
      s.execute(
          "CREATE TABLE invoices (invoice_id INT PRIMARY KEY, invoice_no VARCHAR(20) NOT NULL"
              + " UNIQUE, customer_id INT NOT NULL REFERENCES customers(customer_id),"
              + " invoice_date DATE NOT NULL, billing_address VARCHAR(70),"
              + " billing_city VARCHAR(40), billing_state VARCHAR(40),"
              + " billing_country VARCHAR(40), billing_postal_code VARCHAR(10),"
              + " total DECIMAL(10,2) NOT NULL CHECK (total >= 0))");
      s.execute(
          "CREATE TABLE invoice_lines (invoice_line_id INT PRIMARY KEY,"
              + " invoice_id INT NOT NULL REFERENCES invoices(invoice_id),"
              + " track_id INT NOT NULL REFERENCES tracks(track_id),"
              + " unit_price DECIMAL(10,2) NOT NULL, quantity INT NOT NULL)");
      s.execute(
          "CREATE TABLE web_orders (order_key VARCHAR(20) PRIMARY KEY,"
              + " customer_id INT NOT NULL REFERENCES customers(customer_id),"
              + String.format(
                  " %1$scontactLastName%1$s VARCHAR(30), %1$sshipCity%1$s VARCHAR(40),"
                      + " %1$sshipPostalCode%1$s VARCHAR(10), ordered DATE NOT NULL)",
                  quote));
    }
    rows(
        c,
        "INSERT INTO media_types VALUES (?, ?)",
        range(MEDIA_TYPES.length, i -> new Object[] {i + 1, MEDIA_TYPES[i]}));
    rows(
        c,
        "INSERT INTO genres VALUES (?, ?)",
        range(GENRES.length, i -> new Object[] {i + 1, GENRES[i]}));
    int artists = 200;
    rows(
        c,
        "INSERT INTO artists VALUES (?, ?)",
        range(artists, i -> new Object[] {i + 1, pick(random, FIRST) + " " + pick(random, LAST)}));
    int albums = 300;
    rows(
        c,
        "INSERT INTO albums VALUES (?, ?, ?)",
        range(
            albums,
            i -> new Object[] {i + 1, title(random, 2 + random.nextInt(3)), 1 + i % artists}));
    int tracks = 3500;
    rows(
        c,
        "INSERT INTO tracks VALUES (?, ?, ?, ?, ?, ?, ?)",
        range(
            tracks,
            i -> {
              // Audio dominates; the video type is priced higher, so price depends on the type.
              double u = random.nextDouble();
              int media = u < 0.85 ? 1 : u < 0.92 ? 2 : u < 0.96 ? 3 : u < 0.99 ? 5 : 4;
              return new Object[] {
                i + 1,
                title(random, 1 + random.nextInt(4)),
                random.nextDouble() < 0.02 ? null : 1 + random.nextInt(albums),
                media,
                random.nextDouble() < 0.05
                    ? null
                    : 1 + (int) Math.floor(Math.pow(random.nextDouble(), 2) * GENRES.length),
                media == 3
                    ? 1_200_000 + random.nextInt(1_800_000)
                    : 150_000 + random.nextInt(250_000),
                new java.math.BigDecimal(media == 3 ? "1.99" : "0.99")
              };
            }));
    List<Object[]> employees = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String[] place = PLACES[6 + i % 2];
      employees.add(
          new Object[] {
            i + 1,
            LAST[i],
            FIRST[i],
            JOB_TITLES[i == 0 ? 0 : i < 2 ? 1 : i < 5 ? 2 : i < 6 ? 3 : 4],
            i == 0 ? null : i < 2 ? 1 : 2,
            LocalDate.of(2002, 1, 1).plusDays(random.nextInt(900)),
            place[0],
            place[2],
            FIRST[i].toLowerCase() + "@chinookcorp.com"
          });
    }
    rows(c, "INSERT INTO employees VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", employees);
    List<Object[]> customers = new ArrayList<>();
    List<String[]> home = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      String[] place = PLACES[(int) Math.floor(Math.pow(random.nextDouble(), 1.5) * PLACES.length)];
      home.add(place);
      String first = pick(random, FIRST);
      String last = pick(random, LAST);
      customers.add(
          new Object[] {
            i + 1,
            first,
            last,
            (1 + random.nextInt(9000)) + " " + pick(random, LAST) + " Street",
            place[0],
            place[1],
            place[2],
            place[3] + String.format("%03d", random.nextInt(1000)),
            first.toLowerCase() + "." + last.toLowerCase() + (i + 1) + "@mail.example",
            3 + random.nextInt(3)
          });
    }
    rows(c, "INSERT INTO customers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", customers);
    List<Object[]> invoices = new ArrayList<>();
    List<Object[]> lines = new ArrayList<>();
    int invoiceId = 0;
    for (int i = 0; i < CUSTOMERS; i++) {
      Object[] customer = customers.get(i);
      // Few customers buy often: a child count that varies a lot between parents.
      int n = random.nextDouble() < 0.2 ? 10 + random.nextInt(10) : random.nextInt(6);
      for (int k = 0; k < n; k++) {
        invoiceId++;
        int lineCount = 1 + random.nextInt(6);
        double total = 0;
        for (int l = 0; l < lineCount; l++) {
          lines.add(
              new Object[] {
                lines.size() + 1,
                invoiceId,
                1 + random.nextInt(tracks),
                new java.math.BigDecimal("0.99"),
                1
              });
          total += 0.99;
        }
        invoices.add(
            new Object[] {
              invoiceId,
              String.format("INV-2024-%06d", 100 + invoiceId),
              i + 1,
              LocalDate.of(2021, 1, 1).plusDays(random.nextInt(1000)),
              customer[3],
              customer[4],
              customer[5],
              customer[6],
              customer[7],
              java.math.BigDecimal.valueOf(Math.round(total * 100), 2)
            });
      }
    }
    rows(c, "INSERT INTO invoices VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", invoices);
    rows(c, "INSERT INTO invoice_lines VALUES (?, ?, ?, ?, ?)", lines);
    List<Object[]> orders = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      int n = random.nextInt(4);
      for (int k = 1; k <= n; k++) {
        String[] place = home.get(i);
        orders.add(
            new Object[] {
              (i + 1) + "_" + k,
              i + 1,
              customers.get(i)[2],
              place[0],
              place[3] + String.format("%03d", random.nextInt(1000)),
              LocalDate.of(2022, 1, 1).plusDays(random.nextInt(700))
            });
      }
    }
    rows(c, "INSERT INTO web_orders VALUES (?, ?, ?, ?, ?, ?)", orders);
  }

  private static String title(Random random, int words) {
    StringBuilder sb = new StringBuilder();
    for (int w = 0; w < words; w++) {
      String word =
          TITLE_WORDS[(int) Math.floor(Math.pow(random.nextDouble(), 1.3) * TITLE_WORDS.length)];
      sb.append(w == 0 ? "" : " ")
          .append(Character.toUpperCase(word.charAt(0)))
          .append(word.substring(1));
    }
    return sb.toString();
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  private static List<Object[]> range(int n, java.util.function.IntFunction<Object[]> row) {
    List<Object[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(row.apply(i));
    }
    return out;
  }

  private static void rows(Connection c, String sql, List<Object[]> rows) throws SQLException {
    // SQLite's driver takes dates as text only.
    boolean sqlite = "SQLite".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          p.setObject(i + 1, sqlite && row[i] instanceof LocalDate d ? d.toString() : row[i]);
        }
        p.addBatch();
      }
      p.executeBatch();
    }
  }
}
