package io.syndata.cli;

import io.syndata.data.SchemaFilter;
import io.syndata.engine.GenerateRequest;
import io.syndata.engine.RunReport;
import io.syndata.engine.SourceSpec;
import io.syndata.engine.SynData;
import io.syndata.model.FitOptions;
import io.syndata.model.GenerationOptions;
import io.syndata.model.OrphanPolicy;
import io.syndata.model.statistical.StatisticalTrainer;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Build a small shop database (customers with a referral self-reference, products, orders, order "
          + "lines keyed by (order_id, line_no)) in an embedded H2 database, synthesize it into a second embedded "
          + "database (or the --target you name) and print a fidelity summary. Needs no server."
    })
final class DemoCommand implements Callable<Integer> {
  @Option(
      names = "--customers",
      defaultValue = "2000",
      description = "Customers in the sample shop (default ${DEFAULT-VALUE}).")
  int customers;

  @Option(
      names = "--target",
      paramLabel = "<jdbc-url|folder>",
      description = "Where to write the synthetic shop " + "(default: an in-memory H2 database).")
  String target;

  @Option(
      names = "--scale",
      defaultValue = "1.0",
      description = "Scale of the synthetic shop (default ${DEFAULT-VALUE}).")
  double scale;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description =
          "Seed of the sample shop, the fit and the generation (default ${DEFAULT-VALUE}).")
  long seed;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    String run = Long.toHexString(System.nanoTime());
    String source =
        "jdbc:h2:mem:synth_demo_shop_" + run + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
    String synthetic =
        target != null
            ? target
            : "jdbc:h2:mem:synth_demo_synthetic_"
                + run
                + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
    long rows = DemoShop.build(source, customers, seed);
    err.printf(
        "synth demo: built a sample shop of %,d rows in embedded H2; synthesizing it into %s%n",
        rows, target != null ? target : "a second embedded H2 database");
    GenerateRequest request =
        new GenerateRequest(
            new SourceSpec(source, Optional.empty(), SchemaFilter.ALL),
            synthetic,
            // The copula, as the CLI's --model default: auto would train a network per table.
            new FitOptions(
                seed, OrphanPolicy.FAIL, FitOptions.DEFAULT_MAX_FIT_ROWS, StatisticalTrainer.KIND),
            new GenerationOptions(scale, Map.of(), seed),
            true);
    RunReport report = SynData.generate(request, new TerminalProgress(err));
    Summary.print(report, spec.commandLine().getOut());
    return 0;
  }
}
