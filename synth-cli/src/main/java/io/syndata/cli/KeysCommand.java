package io.syndata.cli;

import io.syndata.schema.SynthException;
import io.syndata.server.ApiKeys;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description =
        "Create, list and revoke the API keys of synth serve. Keys are stored hashed in the data "
            + "directory; a new key's token is printed once.",
    subcommands = {KeysCommand.Create.class, KeysCommand.List.class, KeysCommand.Revoke.class})
final class KeysCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a key and print its token once.")
  static final class Create implements Callable<Integer> {
    @Option(names = "--name", required = true, description = "Who or what uses the key.")
    String name;

    @Option(
        names = "--quota-rows",
        paramLabel = "<n>",
        description = "Rows the key may generate per calendar month (UTC); default: no limit.")
    Long quotaRows;

    @Mixin DataDirOption data;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      try (ApiKeys keys = ApiKeys.open(data.resolve())) {
        ApiKeys.Created c = keys.create(name, Optional.ofNullable(quotaRows));
        PrintWriter out = spec.commandLine().getOut();
        out.println(c.token());
        out.flush();
        spec.commandLine()
            .getErr()
            .println(
                "synth: created key "
                    + c.key().id()
                    + " ("
                    + name
                    + "); the token above is shown only now");
      }
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List keys (never their tokens).")
  static final class List implements Callable<Integer> {
    @Mixin DataDirOption data;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (ApiKeys keys = ApiKeys.open(data.resolve())) {
        out.printf(
            Locale.ROOT,
            "%-16s %-24s %-14s %-24s %s%n",
            "ID",
            "NAME",
            "QUOTA ROWS",
            "CREATED",
            "STATUS");
        for (ApiKeys.ApiKey k : keys.list()) {
          out.printf(
              Locale.ROOT,
              "%-16s %-24s %-14s %-24s %s%n",
              k.id(),
              k.name(),
              k.quotaRows().map(String::valueOf).orElse("-"),
              Instant.ofEpochMilli(k.created()),
              k.revoked().map(r -> "revoked " + Instant.ofEpochMilli(r)).orElse("active"));
        }
      }
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "Revoke a key by id or name.")
  static final class Revoke implements Callable<Integer> {
    @Parameters(paramLabel = "<id|name>", description = "The key's id (k_...) or name.")
    String key;

    @Mixin DataDirOption data;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      try (ApiKeys keys = ApiKeys.open(data.resolve())) {
        if (!keys.revoke(key)) {
          throw new SynthException("there is no active key with id or name " + key);
        }
      }
      spec.commandLine().getOut().println("revoked " + key);
      return 0;
    }
  }
}
