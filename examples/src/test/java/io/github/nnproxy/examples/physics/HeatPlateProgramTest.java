package io.github.nnproxy.examples.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatPlateProgramTest {
  private static final int GRID = 24;
  private static final HeatPlate PLATE = HeatPlate.builder().grid(GRID).build();

  @TempDir Path dir;

  /** What a child process printed and returned. */
  record Run(int status, List<String> out, String err) {}

  private Run child(String stdin, Path simLog, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(HeatPlateProgram.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().remove(HeatPlateProgram.SIM_LOG_ENV);
    if (simLog != null) {
      pb.environment().put(HeatPlateProgram.SIM_LOG_ENV, simLog.toString());
    }
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the program did not finish");
    return new Run(p.exitValue(), Files.readAllLines(out), Files.readString(err));
  }

  private static String csv(double[] x) {
    return x[0] + "," + x[1] + "," + x[2];
  }

  @Test
  void perPointAndBatchProtocolsMatchTheModelAndLogEverySimulation() throws Exception {
    Path log = dir.resolve("sim.log");
    double[][] xs = HeatPlateTest.points(3, 11);
    List<String> expectedLog = new ArrayList<>();
    for (double[] x : xs) {
      Run r = child("", log, "--grid", Integer.toString(GRID),
          Double.toString(x[0]), Double.toString(x[1]), Double.toString(x[2]));
      assertEquals(0, r.status(), r.err());
      String last = r.out().get(r.out().size() - 1);
      assertEquals(PLATE.evaluate(x), Double.parseDouble(last));
      expectedLog.add(csv(x));
    }
    assertEquals(expectedLog, Files.readAllLines(log));

    double[][] batch = HeatPlateTest.points(4, 12);
    StringBuilder rows = new StringBuilder();
    for (double[] x : batch) {
      rows.append(csv(x)).append("\n\n");
      expectedLog.add(csv(x));
    }
    Run r = child(rows.toString(), log, "--batch", "--grid", Integer.toString(GRID));
    assertEquals(0, r.status(), r.err());
    assertEquals(batch.length, r.out().size());
    for (int i = 0; i < batch.length; i++) {
      assertEquals(PLATE.evaluate(batch[i]), Double.parseDouble(r.out().get(i)));
    }
    assertEquals(expectedLog, Files.readAllLines(log));
  }

  @Test
  void badArgumentsAndRowsExitWithStatus2AndRunNoSimulation() throws Exception {
    Path log = dir.resolve("sim.log");
    Run r = child("", log, "--grid", Integer.toString(GRID), "0.5", "abc", "5");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("'abc'"), r.err());
    assertFalse(Files.exists(log));

    r = child(
        "0.5,0.5,5\n0.5,NaN,5\n0.6,0.4,5\n", log, "--grid", Integer.toString(GRID), "--batch");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("line 2") && r.err().contains("NaN"), r.err());
    assertEquals(List.of(Double.toString(PLATE.evaluate(new double[] {0.5, 0.5, 5}))), r.out());
    assertEquals(List.of("0.5,0.5,5.0"), Files.readAllLines(log));
  }

  private static int run(String stdin, PrintStream out, ByteArrayOutputStream err, String log,
      String... args) {
    return HeatPlateProgram.run(
        args, new BufferedReader(new StringReader(stdin)), out,
        new PrintStream(err, true, StandardCharsets.UTF_8), log);
  }

  @Test
  void inProcessErrorsNameTheProblem() {
    String g = Integer.toString(GRID);
    String[][] cases = {
      {"--grid", g, "0.5", "0.5"},
      {"--grid", g, "0.5", "0.5", "5", "1"},
      {"--grid", g, "0.5", "Infinity", "5"},
      {"--grid", "3", "0.5", "0.5", "5"},
      {"--grid", "x", "0.5", "0.5", "5"},
      {"--grid"},
      {"--grid", g},
      {"--batch", "0.5"},
    };
    String[] expected = {"length 2", "length 4", "Infinity", "3", "'x'", "needs a value",
      "no point", "arguments [0.5]"};
    for (int i = 0; i < cases.length; i++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status = run("", new PrintStream(out, true, StandardCharsets.UTF_8), err, null, cases[i]);
      assertEquals(2, status, String.join(" ", cases[i]));
      String message = err.toString(StandardCharsets.UTF_8);
      assertTrue(message.contains(expected[i]), message);
      assertEquals(0, out.size());
    }
    ByteArrayOutputStream help = new ByteArrayOutputStream();
    assertEquals(0, run("", new PrintStream(help, true, StandardCharsets.UTF_8),
        new ByteArrayOutputStream(), null, "--help"));
    assertTrue(help.toString(StandardCharsets.UTF_8).startsWith("usage:"));
  }

  @Test
  void aValueThatCannotBeWrittenIsNotLogged() throws IOException {
    Path log = dir.resolve("sim.log");
    OutputStream broken = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("closed pipe");
      }
    };
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = run("", new PrintStream(broken, false, StandardCharsets.UTF_8), err,
        log.toString(), "--grid", Integer.toString(GRID), "0.5", "0.5", "5");
    assertEquals(1, status);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("standard output"));
    assertFalse(Files.exists(log));
  }
}
