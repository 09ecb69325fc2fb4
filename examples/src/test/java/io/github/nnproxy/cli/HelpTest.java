package io.github.nnproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HelpTest {

  static List<Arguments> commands() {
    return List.of(
        Arguments.of("study", List.of("--preset", "--functions", "--dimensions", "--schemes",
            "--optimizers", "--seeds", "--threads", "--base-size", "--trainer", "--seed",
            "--no-plots", "--out", "--quiet")),
        Arguments.of("train", List.of("--function", "--dimension", "--scheme", "--trainer",
            "--samples", "--seed", "--threads", "--out", "--quiet")),
        Arguments.of("optimize", List.of("--proxy", "--optimizer", "--seed", "--function")));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void helpOfEachCommandExitsZeroAndListsItsOptions(String command, List<String> options) {
    Cli.Run run = Cli.run(command, "--help");
    assertEquals(0, run.exitCode(), run.err());
    for (String option : options) {
      assertTrue(run.out().contains(option), command + " --help lacks " + option);
    }
    assertTrue(run.out().contains("--help") && run.out().contains("--version"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"study", "train", "optimize"})
  void everyOptionShowsItsDefaultOrIsRequired(String command) {
    picocli.CommandLine cmd = Main.commandLine().getSubcommands().get(command);
    for (picocli.CommandLine.Model.OptionSpec o : cmd.getCommandSpec().options()) {
      if (o.usageHelp() || o.versionHelp()) {
        continue;
      }
      String text = String.join(" ", o.description());
      assertFalse(text.isBlank(), o.longestName() + " has no description");
      assertTrue(o.required() || text.contains("Default") || text.contains("default")
              || o.longestName().equals("--quiet"),
          command + " " + o.longestName() + " does not show its default: " + text);
    }
  }

  @Test
  void topLevelHelpListsTheCommands() {
    Cli.Run run = Cli.run("--help");
    assertEquals(0, run.exitCode());
    for (String c : List.of("study", "train", "optimize")) {
      assertTrue(run.out().contains(c), c);
    }
  }

  @Test
  void versionNamesTheProjectVersion() {
    Cli.Run run = Cli.run("--version");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().startsWith("nnproxy "), run.out());
    // this module's tests run without the vector module, so the portable kernel
    assertTrue(run.out().contains("inference: portable kernel"), run.out());
  }
}
