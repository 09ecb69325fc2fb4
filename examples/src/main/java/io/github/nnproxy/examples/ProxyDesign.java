package io.github.nnproxy.examples;

import io.github.nnproxy.paper.SeedRecipes;
import io.github.nnproxy.Domain;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.manage.ProxyEnsemble;
import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.cli.TrainerPreset;
import io.github.nnproxy.jmetal.JmetalPsoOptimizer;
import io.github.nnproxy.optimize.Optimum;
import io.github.nnproxy.proxy.Activation;
import io.github.nnproxy.proxy.LearningRateSchedule;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyQuality;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.Sampler;
import io.github.nnproxy.sampling.Samplers;
import io.github.nnproxy.sampling.SamplingScheme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;

/**
 * Compares proxy designs (activation, width and depth, schedule, epochs) by what a user takes from
 * a proxy: where its minimum lies. For every candidate trainer and problem it trains a proxy, runs
 * the seed's PSO ({@link JmetalPsoOptimizer#paper()}) on it, and reports the distance of the PSO's
 * answer from the true minimizer and its regret on the truth, beside the fit (R2, Spearman,
 * lowest-decile RMSE; of the first member for an ensemble) and the training time. This is how
 * {@link ProxyTrainer#defaults()} was chosen (docs/proxy-design.md).
 *
 * <p>Problem sets: {@code smooth} (single-basin smooth functions up to 6-D from 4,000
 * Latin-hypercube points: the 5-D sphere, a shifted 3-D bowl with a small ripple, a shifted,
 * ill-conditioned 6-D ellipsoid; and a 4-D Styblinski-Tang from 10,000 uniform points), {@code grid} (the seed's 27
 * cells, each against the seed's published PSO figure).
 *
 * <pre>{@code
 * java -cp examples/target/nnproxy.jar io.github.nnproxy.examples.ProxyDesign \
 *     [candidates|all] [smooth|grid|both] [pso seeds] [threads]
 *     # default: all both 3 2
 * }</pre>
 */
public final class ProxyDesign {
  private ProxyDesign() {}

  /** Candidates whose name starts so average three bootstrap members ({@link ProxyEnsemble}). */
  static final String ENSEMBLE = "ensemble3-";

  /** The candidate trainers, by name. */
  static Map<String, ProxyTrainer> candidates() {
    Map<String, ProxyTrainer> m = new LinkedHashMap<>();
    // nnproxy 0.1's defaults, the command line's --trainer relu (the same for every function)
    ProxyTrainer.Builder relu01 = TrainerPreset.RELU.trainer(Benchmarks.sphere(2)).toBuilder();
    m.put("relu-0.1", relu01.build()); // defaults() of nnproxy 0.1
    m.put("silu-seednet", relu01.activation(Activation.SILU).build());
    ProxyTrainer.Builder cos = ProxyTrainer.builder().schedule(LearningRateSchedule.COSINE)
        .batchSize(32).learningRate(3e-3).epochs(200).patience(0);
    m.put("silu-seednet-cos", cos.activation(Activation.SILU).hiddenLayers(20, 50, 120, 70, 20, 10)
        .build());
    m.put("silu-64x3-cos", cos.activation(Activation.SILU).hiddenLayers(64, 64, 64).build());
    m.put("tanh-64x3-cos", cos.activation(Activation.TANH).hiddenLayers(64, 64, 64).build());
    m.put("silu-64x3-cos100", cos.activation(Activation.SILU).hiddenLayers(64, 64, 64).epochs(100)
        .build());
    m.put("silu-128x3-cos", cos.activation(Activation.SILU).hiddenLayers(128, 128, 128).epochs(200)
        .build());
    m.put("silu-64x4-cos", cos.activation(Activation.SILU).hiddenLayers(64, 64, 64, 64).epochs(200)
        .build());
    m.put("silu-64x4-cos400", cos.activation(Activation.SILU).hiddenLayers(64, 64, 64, 64)
        .epochs(400).build());
    m.put("silu-64x2-cos", cos.activation(Activation.SILU).hiddenLayers(64, 64).epochs(200)
        .build());
    m.put(ENSEMBLE + "silu-64x3-cos100", m.get("silu-64x3-cos100"));
    m.put("defaults", ProxyTrainer.defaults());
    return m;
  }

  /** A problem: a function, how its training points are drawn, and the seed's figure if any. */
  record Problem(String label, BenchmarkFunction f, Sampler sampler, int n, double seedFigure) {}

  /** A function given by a formula, its minimizer and its minimum. */
  record Formula(String name, Domain domain, double[] optimum, double optimalValue,
      ToDoubleFunction<double[]> formula) implements BenchmarkFunction {
    @Override
    public double evaluate(double[] x) {
      return formula.applyAsDouble(x);
    }

    @Override
    public double[] optimum() {
      return optimum.clone();
    }
  }

  static List<Problem> smooth() {
    List<Problem> list = new ArrayList<>();
    list.add(new Problem("sphere 5-D, 4000 LHS", Benchmarks.sphere(5), Samplers.latinHypercube(),
        4000, Double.NaN));
    double[] c3 = {1.3, -0.7, 2.1};
    list.add(new Problem("shifted bowl 3-D + ripple, 4000 LHS", new Formula("bowl-ripple",
        Domain.cube(3, -5, 5), c3, 0, x -> {
          double s = 0;
          for (int j = 0; j < 3; j++) {
            double u = x[j] - c3[j];
            s += u * u + 0.1 * (1 - Math.cos(2 * Math.PI * u));
          }
          return s;
        }), Samplers.latinHypercube(), 4000, Double.NaN));
    double[] c6 = {0.5, -1.0, 1.5, -2.0, 2.5, -0.25};
    list.add(new Problem("shifted ellipsoid 6-D, 4000 LHS", new Formula("ellipsoid",
        Domain.cube(6, -5, 5), c6, 0, x -> {
          double s = 0;
          for (int j = 0; j < 6; j++) {
            double u = x[j] - c6[j];
            s += Math.pow(10, j / 5.0) * u * u;
          }
          return s;
        }), Samplers.latinHypercube(), 4000, Double.NaN));
    list.add(new Problem("styblinski-tang 4-D, 10000 uniform", Benchmarks.styblinskiTang(4),
        Samplers.uniform(), 10_000, Double.NaN));
    return list;
  }

  static List<Problem> grid() {
    Map<String, Double> seed = seedPsoFigures();
    List<Problem> list = new ArrayList<>();
    for (String name : List.of("ackley", "rastrigin", "rosenbrock")) {
      for (int d : new int[] {2, 4, 10}) {
        BenchmarkFunction f = Benchmarks.byName(name, d);
        for (SamplingScheme s : List.of(SamplingScheme.DENSE_UNIFORM,
            SamplingScheme.SPARSE_UNIFORM, SamplingScheme.GAUSSIAN)) {
          list.add(new Problem(name + " " + d + "-D " + s.label(), f, SeedRecipes.sampler(s, f),
              s.sampleSize(SamplingScheme.PAPER_BASE_SIZE),
              seed.getOrDefault(name + "|" + d + "|" + s.label(), Double.NaN)));
        }
      }
    }
    return list;
  }

  /** The seed's published PSO means on the proxy, keyed {@code function|d|scheme}. */
  static Map<String, Double> seedPsoFigures() {
    Map<String, Double> m = new HashMap<>();
    try {
      DesignTable.seedFigures().forEach((k, v) -> {
        if (k.endsWith("|PSO")) {
          m.put(k.substring(0, k.length() - 4), v);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return m;
  }

  /** What one candidate did on one problem. */
  record Result(String candidate, Problem problem, ProxyQuality quality, double distance,
      double regret) {}

  static Result run(String name, ProxyTrainer trainer, Problem p, int psoSeeds) {
    ForwardModel proxy;
    ProxyQuality quality;
    if (name.startsWith(ENSEMBLE)) {
      ProxyEnsemble e = ProxyEnsemble.train(trainer, 3, p.f(), p.sampler(), p.n(), 42L);
      proxy = e;
      quality = e.members().get(0).quality();
    } else {
      Proxy single = trainer.train(p.f(), p.sampler(), p.n(), 42L);
      proxy = single;
      quality = single.quality();
    }
    double dist = 0;
    double regret = 0;
    for (int s = 1; s <= psoSeeds; s++) {
      Optimum o = JmetalPsoOptimizer.paper().minimize(proxy, s);
      dist += o.distanceTo(p.f().optimum());
      regret += p.f().evaluate(o.x()) - p.f().optimalValue();
    }
    return new Result(name, p, quality, dist / psoSeeds, regret / psoSeeds);
  }

  /**
   * Runs the comparison and prints one Markdown table per problem set.
   *
   * @param args candidates (comma-separated names, or {@code all}), problem set ({@code smooth},
   *     {@code grid} or {@code both}), PSO seeds per proxy, threads; all optional
   * @throws Exception if a run fails
   */
  public static void main(String[] args) throws Exception {
    Map<String, ProxyTrainer> all = candidates();
    List<String> names = args.length > 0 && !args[0].equals("all")
        ? List.of(args[0].split(",")) : new ArrayList<>(all.keySet());
    String set = args.length > 1 ? args[1] : "both";
    int psoSeeds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    List<Problem> problems = new ArrayList<>();
    if (!set.equals("grid")) {
      problems.addAll(smooth());
    }
    if (!set.equals("smooth")) {
      problems.addAll(grid());
    }
    for (String n : names) {
      if (!all.containsKey(n)) {
        throw new IllegalArgumentException("candidate must be one of " + all.keySet() + ", but was "
            + n);
      }
    }
    System.out.println("| candidate | problem | R2 | Spearman | low-decile RMSE | epochs | train s "
        + "| PSO distance | / diameter | regret | seed's PSO |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (String n : names) {
        List<Future<Result>> futures = new ArrayList<>();
        for (Problem p : problems) {
          futures.add(pool.submit(() -> run(n, all.get(n), p, psoSeeds)));
        }
        int cells = 0;
        int within = 0;
        double sum = 0;
        double smoothWorst = 0;
        double trainSeconds = 0;
        for (Future<Result> fu : futures) {
          Result r = fu.get();
          ProxyQuality q = r.quality();
          double diameter = diameter(r.problem().f().domain());
          trainSeconds += q.trainingTime().toMillis() / 1000.0;
          System.out.printf(Locale.ROOT, "| %s | %s | %.4f | %.4f | %.4g | %d | %.1f | %.4f | %.4f "
                  + "| %.4g | %s |%n", n, r.problem().label(), q.validationR2(),
              q.validationSpearman(), q.lowDecileRmse(), q.epochsRun(),
              q.trainingTime().toMillis() / 1000.0, r.distance(), r.distance() / diameter,
              r.regret(), Double.isNaN(r.problem().seedFigure()) ? ""
                  : String.format(Locale.ROOT, "%.4f", r.problem().seedFigure()));
          if (!Double.isNaN(r.problem().seedFigure())) {
            cells++;
            sum += r.distance();
            within += r.distance() <= r.problem().seedFigure() ? 1 : 0;
          } else {
            smoothWorst = Math.max(smoothWorst, r.distance() / diameter);
          }
        }
        System.out.printf(Locale.ROOT, "| **%s** | summary | | | | | %.0f "
            + "| grid: %d of %d cells <= "
                + "seed, mean %.4f | smooth worst %.4f | | |%n", n, trainSeconds, within, cells,
            cells > 0 ? sum / cells : Double.NaN, smoothWorst);
        System.out.flush();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static double diameter(Domain d) {
    double s = 0;
    for (int j = 0; j < d.dimension(); j++) {
      double w = d.upper(j) - d.lower(j);
      s += w * w;
    }
    return Math.sqrt(s);
  }
}
