package io.syndata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandTest {
  @TempDir Path data;

  @Test
  void createsListsAndRevokesKeysWithoutShowingTokensAgain() {
    Cli.Result created =
        Cli.run(
            "keys",
            "create",
            "--name",
            "ci",
            "--quota-rows",
            "5000",
            "--data-dir",
            data.toString());
    assertThat(created.code()).as(created.err()).isZero();
    String token = created.out().strip();
    assertThat(token).startsWith("sk_");
    assertThat(created.err()).contains("shown only now");

    Cli.Result list = Cli.run("keys", "list", "--data-dir", data.toString());
    assertThat(list.out()).contains("ci").contains("5000").contains("active").doesNotContain(token);

    assertThat(Cli.run("keys", "revoke", "ci", "--data-dir", data.toString()).code()).isZero();
    assertThat(Cli.run("keys", "list", "--data-dir", data.toString()).out()).contains("revoked");
    Cli.Result again = Cli.run("keys", "revoke", "ci", "--data-dir", data.toString());
    assertThat(again.code()).isEqualTo(Main.EXIT_FAILED);
    assertThat(again.err()).contains("no active key with id or name ci");
  }

  @Test
  void refusesABadServeOptionWithOneLine() {
    Cli.Result r = Cli.run("serve", "--port", "70000", "--data-dir", data.toString());
    assertThat(r.code()).isEqualTo(Main.EXIT_FAILED);
    assertThat(r.err()).contains("--port must be between 0 and 65535, was 70000");
  }
}
