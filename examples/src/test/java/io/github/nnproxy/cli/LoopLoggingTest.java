package io.github.nnproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoopLoggingTest {
  private final String before = System.getProperty(LoopLogging.PROPERTY);

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(LoopLogging.PROPERTY);
    } else {
      System.setProperty(LoopLogging.PROPERTY, before);
    }
  }

  @Test
  void quietsTheLoopUnlessTheUserChoseALevel() {
    System.clearProperty(LoopLogging.PROPERTY);
    LoopLogging.errorsOnly();
    assertEquals("error", System.getProperty(LoopLogging.PROPERTY));
    System.setProperty(LoopLogging.PROPERTY, "info");
    LoopLogging.errorsOnly();
    assertEquals("info", System.getProperty(LoopLogging.PROPERTY));
  }
}
