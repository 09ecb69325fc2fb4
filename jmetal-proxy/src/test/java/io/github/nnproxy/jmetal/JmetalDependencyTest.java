package io.github.nnproxy.jmetal;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The heavy libraries jMetal 6.6 drags in are excluded (parent pom), and the PSO paths do not need
 * them: {@link JmetalPsoOptimizerTest} runs all three variants on this same test class path.
 * (XChart is on the class path, but through nnproxy-shared's study plots, not through jMetal; its
 * PDF/SVG back ends, pdfbox among them, stay excluded.)
 */
class JmetalDependencyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "weka.core.Instances", // weka-stable (and the netlib natives behind it)
        "com.github.fommil.netlib.BLAS",
        "com.fuzzylite.Engine", // jfuzzylite
        "generic.Input", // Juzzy
        "org.apache.maven.reporting.MavenReport", // maven-reporting-api
        "org.apache.pdfbox.pdmodel.PDDocument",
        "org.uma.jmetal.lab.visualization.StudyVisualizer", // jmetal-lab
        "tech.tablesaw.api.Table",
        "smile.data.DataFrame",
        "com.google.common.collect.ImmutableList" // guava, via tablesaw
      })
  void heavyTransitiveLibraryIsNotOnTheClassPath(String className) {
    assertThrows(ClassNotFoundException.class, () -> Class.forName(className));
  }
}
