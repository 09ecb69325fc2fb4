package io.github.nnproxy.examples.physics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link HeatPlate} as an external program, the way a solver binary is run: one process per point,
 * or one process for a batch of points read from standard input.
 *
 * <p><b>Per-point protocol.</b> The coordinates {@code x0 y0 P} are the arguments; the value is
 * the last (only) line of standard output, written with {@link Double#toString(double)}; exit
 * status 0.
 *
 * <p><b>Batch protocol</b> ({@code --batch}). Standard input holds one point per line as
 * comma-separated coordinates (blank lines are skipped); standard output gets one value per
 * point, in order, each flushed as soon as it is computed.
 *
 * <p><b>Errors.</b> A malformed argument or row, or a point the model refuses (wrong length,
 * non-finite coordinate), prints a message on standard error and exits with status 2; in batch
 * mode the values of earlier rows have been written by then. A failure to write standard output
 * or the simulation log exits with status 1.
 *
 * <p><b>Simulation log.</b> If the environment variable {@value #SIM_LOG_ENV} names a file, every
 * simulation whose value reached standard output (written, flushed and {@link
 * PrintStream#checkError()} clean) appends one line to it: the point's coordinates, comma
 * separated. Each line is one open, one append-mode write and one close, so several processes can
 * share a log; counting its lines counts the simulations that ran and were delivered.
 *
 * <pre>{@code
 * examples/scripts/heat-plate.sh 0.6 0.3 6
 * printf '0.6,0.3,6\n0.5,0.5,10\n' | examples/scripts/heat-plate.sh --batch
 * examples/scripts/heat-plate.sh --grid 48 0.6 0.3 6      # coarser and faster
 * }</pre>
 */
public final class HeatPlateProgram {

  /** The environment variable naming the simulation log. */
  public static final String SIM_LOG_ENV = "NNPROXY_SIM_LOG";

  private static final String USAGE =
      "usage: heat-plate [--grid N] X0 Y0 P\n"
          + "       heat-plate [--grid N] --batch    (rows X0,Y0,P on standard input)\n"
          + "Prints the RMS deviation of the work zone from its target temperature; see"
          + " docs/physics-example.md.";

  private HeatPlateProgram() {}

  /**
   * Runs the program and exits with its status: 0 on success, 2 for bad arguments or input, 1 if
   * output or the simulation log cannot be written.
   *
   * @param args {@code [--grid N] X0 Y0 P} or {@code [--grid N] --batch}
   */
  public static void main(String[] args) {
    String log = System.getenv(SIM_LOG_ENV);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    System.exit(run(args, in, System.out, System.err, log == null || log.isEmpty() ? null : log));
  }

  /**
   * Runs the program on the given streams.
   *
   * @param args the arguments, as for {@link #main(String[])}
   * @param in standard input, read in batch mode only
   * @param out standard output
   * @param err standard error
   * @param simLog the simulation log's path, or null for none
   * @return the exit status
   */
  static int run(
      String[] args, BufferedReader in, PrintStream out, PrintStream err, String simLog) {
    int grid = HeatPlate.DEFAULT_GRID;
    boolean batch = false;
    List<String> coordinates = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h")) {
        out.println(USAGE);
        out.flush();
        return 0;
      } else if (a.equals("--batch")) {
        batch = true;
      } else if (a.equals("--grid")) {
        if (i + 1 == args.length) {
          return bad(err, "--grid needs a value");
        }
        String g = args[++i];
        try {
          grid = Integer.parseInt(g);
        } catch (NumberFormatException e) {
          return bad(err, "--grid must be an integer, but was '" + g + "'");
        }
      } else {
        coordinates.add(a);
      }
    }
    HeatPlate plate;
    try {
      plate = HeatPlate.builder().grid(grid).build();
    } catch (IllegalArgumentException e) {
      return bad(err, e.getMessage());
    }
    if (batch) {
      if (!coordinates.isEmpty()) {
        return bad(
            err, "--batch reads points from standard input, but got arguments " + coordinates);
      }
      return batch(plate, in, out, err, simLog);
    }
    if (coordinates.isEmpty()) {
      return bad(err, "no point given");
    }
    double[] x;
    try {
      x = parse(coordinates, "argument");
    } catch (IllegalArgumentException e) {
      return bad(err, e.getMessage());
    }
    return simulate(plate, x, out, err, simLog, "");
  }

  private static int batch(
      HeatPlate plate, BufferedReader in, PrintStream out, PrintStream err, String simLog) {
    int lineNumber = 0;
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        double[] x;
        try {
          x = parse(List.of(line.split(",", -1)), "field");
        } catch (IllegalArgumentException e) {
          return bad(err, "line " + lineNumber + ": " + e.getMessage());
        }
        int status = simulate(plate, x, out, err, simLog, "line " + lineNumber + ": ");
        if (status != 0) {
          return status;
        }
      }
    } catch (IOException e) {
      err.println("heat-plate: cannot read standard input: " + e.getMessage());
      return 1;
    }
    return 0;
  }

  private static double[] parse(List<String> fields, String what) {
    double[] x = new double[fields.size()];
    for (int i = 0; i < x.length; i++) {
      String f = fields.get(i).trim();
      try {
        x[i] = Double.parseDouble(f);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            what + " " + (i + 1) + " must be a number, but was '" + f + "'", e);
      }
    }
    return x;
  }

  private static int simulate(
      HeatPlate plate, double[] x, PrintStream out, PrintStream err, String simLog, String where) {
    double value;
    try {
      value = plate.evaluate(x);
    } catch (IllegalArgumentException e) {
      return bad(err, where + e.getMessage());
    } catch (IllegalStateException e) {
      err.println("heat-plate: " + where + e.getMessage());
      return 1;
    }
    out.println(Double.toString(value));
    out.flush();
    if (out.checkError()) {
      err.println("heat-plate: cannot write the value to standard output");
      return 1;
    }
    if (simLog != null) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < x.length; i++) {
        line.append(i == 0 ? "" : ",").append(Double.toString(x[i]));
      }
      line.append('\n');
      try {
        Files.write(
            Path.of(simLog),
            line.toString().getBytes(StandardCharsets.UTF_8),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);
      } catch (IOException | RuntimeException e) {
        err.println("heat-plate: cannot append to the simulation log " + simLog + ": " + e);
        return 1;
      }
    }
    return 0;
  }

  private static int bad(PrintStream err, String message) {
    err.println("heat-plate: " + message);
    err.println(USAGE);
    return 2;
  }
}
