package io.slotraft.node.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The connection discipline as stories. Each step is one token:
 * {@code w1:5} adds write w1 in lane 5 (a name starting with w is a write, anything else a read;
 * lane {@code *} is the barrier lane); {@code >a,b} starts every command that may start and expects
 * exactly a and b, in that order ({@code >} alone: none may); {@code -5} finishes one command of lane 5.
 */
class ConnectionOrderTest {
  static Stream<Arguments> stories() {
    return Stream.of(
        Arguments.of("reads run together", "r1:0 r2:0 >r1,r2"),
        Arguments.of("writes run together", "w1:0 w2:0 >w1,w2"),
        Arguments.of("a read waits for the write before it", "w1:0 r2:0 >w1 -0 >r2"),
        Arguments.of("a write waits for every read before it", "r1:0 r2:0 w3:0 >r1,r2 -0 > -0 >w3"),
        Arguments.of("a read waits for every write before it", "w1:0 w2:0 r3:0 >w1,w2 -0 > -0 >r3"),
        Arguments.of("nothing overtakes a waiting command of its lane", "w1:1 r2:1 w3:1 >w1 -1 >r2 -1 >w3"),
        Arguments.of("other lanes do not wait", "w1:1 r2:2 r3:1 >w1,r2 -1 >r3"),
        Arguments.of("a command arriving later joins running ones of its kind", "r1:0 >r1 r2:0 >r2 w3:0 > -0 > -0 >w3"),
        Arguments.of("a barrier waits for every lane before it", "w1:1 r2:2 p3:* >w1,r2 -1 > -2 >p3"),
        Arguments.of("everything after a barrier waits for it", "p1:* w2:1 r3:2 >p1 -* >w2,r3"),
        Arguments.of("consecutive barriers form one lane", "p1:* p2:* w3:* >p1,p2 -* > -* >w3"),
        Arguments.of("lanes after a barrier start when it ends", "w1:1 p2:* w3:1 r4:2 >w1 -1 >p2 -* >w3,r4"),
        Arguments.of("lanes take turns", "r1:1 r2:1 r3:2 >r1,r3,r2"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stories")
  void story(String title, String steps) {
    ConnectionOrder<String> order = new ConnectionOrder<>();
    for (String step : steps.split(" ")) {
      if (step.startsWith(">")) {
        List<String> started = new ArrayList<>();
        for (String next = order.next(); next != null; next = order.next()) {
          started.add(next);
        }
        List<String> expected = step.length() == 1 ? List.of() : List.of(step.substring(1).split(","));
        assertEquals(expected, started, title + ", at step " + step);
      } else if (step.startsWith("-")) {
        order.finished(lane(step.substring(1)));
      } else {
        String[] parts = step.split(":");
        order.add(parts[0], parts[0].startsWith("w"), lane(parts[1]));
      }
    }
  }

  @Test
  void countsWaitingAndRunningCommandsAndForgetsThemOnClear() {
    ConnectionOrder<String> order = new ConnectionOrder<>();
    order.add("w1", true, 3);
    order.add("r2", false, 3);
    assertEquals("w1", order.next());
    assertEquals(1, order.waiting());
    assertEquals(1, order.running());
    order.clear();
    assertEquals(0, order.waiting() + order.running());
    order.add("r3", false, 3);
    assertEquals("r3", order.next());
  }

  @Test
  void finishingALaneWithNothingRunningIsABug() {
    ConnectionOrder<String> order = new ConnectionOrder<>();
    order.add("w1", true, 3);
    assertThrows(IllegalStateException.class, () -> order.finished(3));
  }

  private static int lane(String text) {
    return text.equals("*") ? CommandKinds.BARRIER : Integer.parseInt(text);
  }
}
