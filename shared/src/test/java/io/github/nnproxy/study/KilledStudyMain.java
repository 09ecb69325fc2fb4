package io.github.nnproxy.study;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child JVM of {@link StudyResumeTest#leavesNoCorruptRowWhenKilledAndResumesToTheSameFiles}:
 * runs the test study with slow optimizers (250 ms a run, so that the parent can kill it in the
 * middle even on a loaded machine) into the folder {@code args[0]}.
 */
final class KilledStudyMain {
  private KilledStudyMain() {}

  public static void main(String[] args) {
    StudyResumeTest.study(Path.of(args[0]),
            new CountingOptimizer(StudyResumeTest.pso(), Integer.MAX_VALUE, 250),
            new CountingOptimizer(StudyResumeTest.ga(), Integer.MAX_VALUE, 250), new AtomicLong())
        .build()
        .run();
  }
}
