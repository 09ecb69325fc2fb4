package io.github.nnproxy.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code nnproxy} command: its subcommands {@code study}, {@code train} and {@code optimize};
 * run without a subcommand it runs {@code study} with its defaults (the quick preset).
 *
 * <p>Not thread-safe: picocli fills its fields; use one instance per run.
 *
 * <pre>{@code
 * int exit = Main.commandLine().execute("train", "--function", "ackley");
 * }</pre>
 */
@Command(
    name = "nnproxy",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Neural-network proxies of expensive forward models inside Jenetics and jMetal "
            + "optimizers, and a stability study of how far the proxy misleads them.",
        "Without a command, runs 'nnproxy study' (the quick preset; run times: docs/BENCHMARKS.md)."},
    subcommands = {StudyCommand.class, TrainCommand.class, OptimizeCommand.class,
        PhysicsCommand.class, BudgetCommand.class, TrustCommand.class,
        CommandLine.HelpCommand.class})
public final class NnproxyCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  /** Creates the command; picocli fills it. */
  public NnproxyCommand() {}

  /**
   * Runs {@code study} with its defaults.
   *
   * @return the exit code of {@code study}
   */
  @Override
  public Integer call() {
    return spec.subcommands().get("study").execute();
  }
}
