package io.github.nnproxy.study;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child JVM of {@link StudyResumeTest#leavesNoCorruptRowWhenKilledAndResumesToTheSameFiles}:
 * runs the test study with slow optimizers (100 ms a run) into the folder {@code args[0]}, to be
 * killed with SIGKILL in the middle.
 */
final class KilledStudyMain {
  private KilledStudyMain() {}

  public static void main(String[] args) {
    StudyResumeTest.study(Path.of(args[0]),
            new CountingOptimizer(StudyResumeTest.pso(), Integer.MAX_VALUE, 100),
            new CountingOptimizer(StudyResumeTest.ga(), Integer.MAX_VALUE, 100), new AtomicLong())
        .build()
        .run();
  }
}
