package io.github.nnproxy.cli;

import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.spi.EvaluationBackend;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The {@code --spark [MASTER]} option of {@code train} and {@code study}: runs the truth
 * evaluations of the training samples as Apache Spark jobs. Spark is not in {@code nnproxy.jar};
 * the option finds the {@code spark} {@link EvaluationBackend} of the {@code nnproxy-spark} module
 * at run time and says which launcher to use when it is not on the classpath.
 *
 * <p>Not thread-safe: picocli fills its field; use one instance per run.
 *
 * <pre>{@code
 * spark-proxy/bin/nnproxy-spark train --function rastrigin --spark            # local[*]
 * spark-proxy/bin/nnproxy-spark study --preset quick --spark spark://head:7077
 * }</pre>
 */
public final class SparkOption {
  /** The master used by {@code --spark} without a value. */
  static final String EMBEDDED = "local[*]";

  @Option(names = "--spark", arity = "0..1", paramLabel = "MASTER", fallbackValue = EMBEDDED,
      description = "Run the true function's evaluations for the training samples as Apache "
          + "Spark jobs, one point per task: on MASTER (spark://HOST:PORT) or, without MASTER, "
          + "embedded in this JVM (" + EMBEDDED + "). Needs the nnproxy-spark module: run "
          + "spark-proxy/bin/nnproxy-spark instead of java -jar nnproxy.jar. "
          + "Default: off (evaluated in this JVM, without Spark).")
  private String master;

  /** Creates the option; picocli fills it. */
  public SparkOption() {}

  /**
   * Opens the session the truth evaluations run in: Spark when {@code --spark} was given (and
   * says so on the command's output), else one that evaluates in this JVM.
   *
   * @param cmd the running command, for its output and errors
   * @return the session; the caller closes it
   * @throws ParameterException if {@code --spark} was given but nnproxy-spark is not on the
   *     classpath
   */
  EvaluationBackend.Session open(CommandLine cmd) {
    if (master == null) {
      return Local.INSTANCE;
    }
    EvaluationBackend spark = EvaluationBackend.find("spark").orElseThrow(() ->
        new ParameterException(cmd, "--spark needs the nnproxy-spark module, which nnproxy.jar "
            + "leaves out: build it (mvn -B -DskipTests package) and run "
            + "spark-proxy/bin/nnproxy-spark instead of java -jar nnproxy.jar, or put "
            + "spark-proxy/target/nnproxy-spark-*.jar and spark-proxy/target/lib/* on the "
            + "classpath"));
    EvaluationBackend.Session s = spark.open(master);
    PrintWriter out = cmd.getOut();
    out.println("Truth evaluations of the training samples on " + s.description());
    out.flush();
    return s;
  }

  /** Evaluates in this JVM: the model unchanged. */
  private enum Local implements EvaluationBackend.Session {
    INSTANCE;

    @Override
    public ForwardModel distribute(ForwardModel model) {
      return model;
    }

    @Override
    public String description() {
      return "this JVM";
    }

    @Override
    public void close() {}
  }
}
