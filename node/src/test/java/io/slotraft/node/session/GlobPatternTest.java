package io.slotraft.node.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobPatternTest {
  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource(delimiter = ' ', value = {
      "* anything true",
      "client* client|list true",
      "client* clients true",
      "*|list client|list true",
      "*|list client|info false",
      "c?ient client true",
      "c?ient cient false",
      "CLIENT client true",
      "[ch]ello hello true",
      "[ch]ello jello false",
      "[^ch]ello jello true",
      "[^ch]ello hello false",
      "[a-c]x bx true",
      "[c-a]x bx true",
      "[a-c]x dx false",
      "a\\*b a*b true",
      "a\\*b axb false",
      "a*b*c aXXbYYc true",
      "a*b*c aXXbYY false",
      "get get true",
      "get getex false",
  })
  void matchesAsRedisGlobsDo(String pattern, String text, boolean expected) {
    assertEquals(expected, GlobPattern.matchesIgnoringCase(pattern, text));
  }
}
