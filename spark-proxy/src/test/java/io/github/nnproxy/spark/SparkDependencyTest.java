package io.github.nnproxy.spark;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the parent pom excludes from spark-core is not on the class path, and the Spark jobs do not
 * need it: {@link SparkForwardModelTest}, {@link SparkRuntimeTest} and {@link LoopbackClusterTest}
 * (driver, standalone master, workers and executors) run on this same class path. And the Java 17
 * module options Spark asks for are set where the project promises them (all but the Kerberos
 * one, which only Kerberos needs).
 */
class SparkDependencyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "org.rocksdb.RocksDB", // rocksdbjni: history server and shuffle-service stores
        "org.fusesource.leveldbjni.JniDBFactory", // leveldbjni-all: the same, older
        "io.netty.internal.tcnative.SSL", // netty-tcnative: TLS natives
        "io.netty.handler.codec.quic.Quic", // QUIC, HTTP/3
        "io.netty.handler.codec.http3.Http3",
        "org.apache.zookeeper.ZooKeeper", // ZooKeeper master recovery
        "org.apache.curator.framework.recipes.leader.LeaderLatch",
        "com.google.common.collect.ImmutableList", // guava, via curator
        "org.apache.avro.Schema", // Avro: Kryo's Avro support
        "org.apache.avro.mapred.AvroWrapper",
        "com.ibm.icu.text.Collator", // ICU: SQL collations
        "com.google.crypto.tink.Aead", // Tink: RPC encryption
        "py4j.GatewayServer", // PySpark's bridge
        "net.razorvine.pickle.Pickler"
      })
  void excludedLibraryIsNotOnTheClassPath(String className) {
    assertThrows(ClassNotFoundException.class, () -> Class.forName(className));
  }

  @Test
  void surefireStartsTheTestsWithSparksModuleOptions() {
    List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
    for (String option : JavaModuleOptions.defaultModuleOptionArray()) {
      if (option.startsWith("--add-opens") && !option.contains("java.security.jgss")) {
        assertTrue(args.contains(option), option + " missing from " + args);
      }
    }
  }

  @Test
  void launcherAndDocsCarrySparksModuleOptions() throws IOException {
    String launcher = Files.readString(Path.of("bin", "nnproxy-spark"));
    String docs = Files.readString(Path.of("..", "docs", "spark.md"));
    for (String option : JavaModuleOptions.defaultModuleOptionArray()) {
      if (option.startsWith("--add-opens") && !option.contains("java.security.jgss")) {
        assertTrue(launcher.contains(option), option + " missing from bin/nnproxy-spark");
        assertTrue(docs.contains(option), option + " missing from docs/spark.md");
      }
    }
  }
}
