package io.syndata.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seeds a database with synthetic rows generated from a model file before a test class runs, and
 * cleans up after it.
 *
 * <pre>{@code
 * @SynthDatabase(model = "classpath:shop.synth", scale = 0.1, seed = 1)
 * class OrderRepositoryTest {
 *   @Test
 *   void findsOrders(DataSource db) { ... }
 * }
 * }</pre>
 *
 * <p>On the class, any {@code DataSource} parameter of a test or lifecycle method receives the
 * seeded database. On a field or a parameter of type {@code DataSource}, that field or parameter
 * gets a database of its own (static fields before the class's tests, instance fields for each
 * instance, the same database throughout the class).
 *
 * <p>The database is an embedded H2 database by default (identifiers in lower case and matched
 * regardless of case, as PostgreSQL users expect), or the one named by {@link #url()} or, when that
 * is empty, by the system property {@code synth.database.url}. {@code jdbc:tc:postgresql:…} URLs
 * start a PostgreSQL container when Testcontainers is on the test classpath. On a server the
 * model's tables are emptied before seeding and after the class (rows are deleted, nothing is
 * dropped); an embedded database is discarded. Seeding the same model with the same settings again
 * in one JVM reuses the rows generated the first time.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.PARAMETER})
@ExtendWith(SynthDatabaseExtension.class)
public @interface SynthDatabase {
  /**
   * The model file: {@code classpath:shop.synth} for a resource on the test classpath, else a file
   * path (relative to the working directory).
   */
  String model();

  /** Multiplies the rows of root tables (0.01 to 1000); child tables follow. */
  double scale() default 1.0;

  /** The seed of the generated rows: the same seed gives the same rows. */
  long seed() default 42;

  /** Exact row counts for some tables, {@code "orders=500"}, overriding the scale for them. */
  String[] rows() default {};

  /**
   * The JDBC URL of the database to seed; {@code ${name}} is replaced by the system property or
   * else the environment variable {@code name}. Empty: the system property {@code
   * synth.database.url}, else a new embedded H2 database.
   */
  String url() default "";
}
