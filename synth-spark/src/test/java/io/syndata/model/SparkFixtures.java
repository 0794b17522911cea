package io.syndata.model;

import java.util.Random;

/** synth-model's retail fixture (every relational shape, several partitions) for Spark's tests. */
public final class SparkFixtures {
  private SparkFixtures() {}

  /**
   * The model of {@link RetailAtScaleTest}'s schema: a NOT NULL/nullable cycle, a self-reference,
   * secondary keys into other stages, composite and junction keys, a unique personal column.
   */
  public static SynthModel retail() {
    return Fixtures.fit(RetailAtScaleTest.retail(new Random(3)), FitOptions.defaults(1));
  }
}
