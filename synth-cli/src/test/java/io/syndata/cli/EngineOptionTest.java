package io.syndata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --engine} and {@code --master} on the command line's own class path, which has no Spark:
 * misuse is one line; the Spark engine itself is tested in synth-spark.
 */
class EngineOptionTest {
  @TempDir Path dir;

  @Test
  void sparkWithoutItsJarsSaysHowToGetThem() {
    Cli.Result r =
        Cli.run(
            "generate",
            "--engine",
            "spark",
            "--model-file",
            dir.resolve("m.synth").toString(),
            "--target",
            dir.resolve("out").toString(),
            "--format",
            "parquet");
    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_FAILED);
    assertThat(r.err())
        .contains("--engine spark is not on the class path")
        .contains("mvn package -pl synth-spark -am");
  }

  @Test
  void anotherEngineNeedsAModelFile() {
    Cli.Result r = Cli.run("generate", "--engine", "spark", "--source", "x", "--target", "y");
    assertThat(r.code()).isEqualTo(Main.EXIT_FAILED);
    assertThat(r.err()).contains("--engine spark generates from a --model-file");
  }

  @Test
  void masterWithoutSparkIsRefused() {
    Cli.Result r = Cli.run("generate", "--master", "local[2]", "--source", "x", "--target", "y");
    assertThat(r.code()).isEqualTo(Main.EXIT_FAILED);
    assertThat(r.err()).contains("--master is for --engine spark");
  }

  @Test
  void trainingThroughSparkWithoutItsJarsSaysHowToGetThem() {
    Cli.Result r =
        Cli.run(
            "train",
            "--engine",
            "spark",
            "--source",
            dir.toString(),
            "--out",
            dir.resolve("m.synth").toString());
    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_FAILED);
    assertThat(r.err()).contains("--engine spark is not on the class path");
  }

  @Test
  void trainingRefusesMasterWithoutSpark() {
    Cli.Result r =
        Cli.run(
            "train",
            "--master",
            "local[2]",
            "--source",
            dir.toString(),
            "--out",
            dir.resolve("m.synth").toString());
    assertThat(r.code()).isEqualTo(Main.EXIT_FAILED);
    assertThat(r.err()).contains("--master is for --engine spark");
  }
}
