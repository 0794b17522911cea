package io.syndata.schema;

import java.util.List;
import java.util.Optional;

/**
 * What a database declares about a table beyond its columns and keys.
 *
 * @param checks CHECK constraints, as the source prints their conditions ({@code price >= 0},
 *     {@code status IN ('a', 'b')}, {@code ends_at > starts_at}); the simple forms are respected by
 *     generation, every one is recreated on a target of the same dialect
 * @param comment the table comment
 * @param partitionBy for a partitioned table (PostgreSQL), its key as {@code RANGE (created_on)};
 *     rows are written through the table and land in its partitions
 * @param partitions the partitions of a partitioned table, recreated on a target of the same
 *     dialect
 */
public record TableDetail(
    List<Check> checks,
    Optional<String> comment,
    Optional<String> partitionBy,
    List<Partition> partitions) {

  public TableDetail {
    checks = checks == null ? List.of() : List.copyOf(checks);
    comment = comment == null ? Optional.empty() : comment;
    partitionBy = partitionBy == null ? Optional.empty() : partitionBy;
    partitions = partitions == null ? List.of() : List.copyOf(partitions);
  }

  public static final TableDetail NONE =
      new TableDetail(List.of(), Optional.empty(), Optional.empty(), List.of());

  /**
   * A CHECK constraint.
   *
   * @param name the constraint name, empty when unnamed
   * @param condition the condition as the source prints it, without {@code CHECK}
   * @param dialect the database that printed it
   */
  public record Check(String name, String condition, String dialect) {}

  /**
   * A partition of a partitioned table.
   *
   * @param name the partition's table name
   * @param bound its bound as the source prints it ({@code FOR VALUES FROM ('2020-01-01') TO
   *     ('2021-01-01')}, {@code DEFAULT})
   */
  public record Partition(String name, String bound) {}
}
