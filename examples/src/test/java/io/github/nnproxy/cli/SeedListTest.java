package io.github.nnproxy.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SeedListTest {

  @Test
  void aNumberIsACountFromOne() {
    assertArrayEquals(new long[] {1, 2, 3}, SeedList.parse("3").seeds());
  }

  @Test
  void aRangeIsInclusive() {
    assertArrayEquals(new long[] {7, 8, 9}, SeedList.parse("7..9").seeds());
  }

  @Test
  void aListKeepsItsOrder() {
    assertArrayEquals(new long[] {42, 7, -1}, SeedList.parse("42, 7,-1").seeds());
    assertArrayEquals(new long[] {5}, SeedList.parse("5,").seeds());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-2", "5..4", "1,1", "x", "1..x", "100000", ","})
  void rejectsBadSeeds(String text) {
    assertThrows(IllegalArgumentException.class, () -> SeedList.parse(text));
  }

  @Test
  void printsConsecutiveSeedsAsARange() {
    assertEquals("1..5", SeedList.count(5).toString());
    assertEquals("[1, 3]", SeedList.parse("1,3").toString());
  }
}
