package io.github.nnproxy.spi;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** shared ships no backend: the lookup finds none, and a null name is refused. */
class EvaluationBackendTest {

  @Test
  void findsNothingWhenNoModuleProvidesTheBackend() {
    assertTrue(EvaluationBackend.find("spark").isEmpty());
  }

  @Test
  void rejectsANullName() {
    assertThrows(NullPointerException.class, () -> EvaluationBackend.find(null));
  }
}
