package io.slotraft.tests.nemesis;

/** The network link between two nodes, either way round: {@code Link.of("n2", "n1")} is n1-n2. */
public record Link(String a, String b) {

  public Link {
    if (a.equals(b)) {
      throw new IllegalArgumentException("a link needs two nodes: " + a);
    }
    if (a.compareTo(b) > 0) {
      String swap = a;
      a = b;
      b = swap;
    }
  }

  public static Link of(String one, String other) {
    return new Link(one, other);
  }

  @Override
  public String toString() {
    return a + "-" + b;
  }
}
