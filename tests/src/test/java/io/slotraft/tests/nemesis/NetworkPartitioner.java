package io.slotraft.tests.nemesis;

import io.slotraft.tests.harness.NodeProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cuts links between nodes on the real network path, with one nftables table of our own
 * ({@value #TABLE}), which {@link #close()} deletes, as does the next {@link #install} after a run
 * that died. Nothing outside that table is ever touched.
 *
 * <p>How a link is cut, both ways: when a node opens a TCP connection to another node's address,
 * the rule matching the opener's cgroup and the peer's address stamps the connection's conntrack
 * entry with the mark of that pair of nodes ({@link #mark}). Every packet of the connection, in
 * either direction, carries the entry's mark, so dropping the marks of the cut links in the output
 * hook (all loopback traffic passes it) silences existing connections as well as new ones (their
 * SYNs are dropped). The stamping rules are in place before the nodes start, so every connection
 * between nodes is stamped. Connections of test clients (the test JVM, outside the nodes' cgroups)
 * are never stamped, never cut: clients see a partition only through the nodes.
 */
public final class NetworkPartitioner implements AutoCloseable {
  static final String TABLE = "slotraft_nemesis";
  private static final int MARK_BASE = 0x5e7a0000;

  private final List<NodeProcess> nodes;

  private NetworkPartitioner(List<NodeProcess> nodes) {
    this.nodes = nodes;
  }

  /** Installs the table (replacing a leftover one) with nothing cut. Call before the nodes start. */
  public static NetworkPartitioner install(List<NodeProcess> nodes, NodeCgroups cgroups)
      throws IOException, InterruptedException {
    NetworkPartitioner partitioner = new NetworkPartitioner(nodes);
    StringBuilder script = new StringBuilder(deleteTableScript());
    script.append("table inet ").append(TABLE).append(" {\n")
        .append("  set cut { type mark; }\n")
        .append("  chain output {\n")
        .append("    type filter hook output priority filter; policy accept;\n");
    for (NodeProcess from : nodes) {
      for (NodeProcess to : nodes) {
        if (from != to) {
          script.append("    ct state new socket cgroupv2 level ").append(cgroups.level())
              .append(" \"").append(cgroups.nftPath(from.name())).append("\" ip daddr ").append(to.host())
              .append(" ct mark set ").append(partitioner.mark(Link.of(from.name(), to.name()))).append('\n');
        }
      }
    }
    script.append("    ct mark @cut counter drop\n  }\n}\n");
    nft(script.toString());
    return partitioner;
  }

  /** Cuts exactly the links of {@code partition}, healing any other cut, in one atomic change. */
  public void cut(Partition partition) throws IOException, InterruptedException {
    StringBuilder script = new StringBuilder("flush set inet " + TABLE + " cut\n");
    if (!partition.cut().isEmpty()) {
      script.append("add element inet ").append(TABLE).append(" cut { ");
      script.append(String.join(", ", partition.cut().stream().map(link -> Integer.toString(mark(link))).toList()));
      script.append(" }\n");
    }
    nft(script.toString());
  }

  /** Every link works again (connections whose packets were dropped recover by retransmission). */
  public void heal() throws IOException, InterruptedException {
    nft("flush set inet " + TABLE + " cut\n");
  }

  /**
   * Packets dropped so far by the cut links, from the drop rule's counter: the evidence that a
   * partition really cut something (a rule that matched nothing would leave it at 0).
   */
  public long droppedPackets() throws IOException, InterruptedException {
    String chain = nft("list chain inet " + TABLE + " output\n");
    java.util.regex.Matcher counter = java.util.regex.Pattern.compile("counter packets (\\d+)").matcher(chain);
    return counter.find() ? Long.parseLong(counter.group(1)) : -1;
  }

  /** The mark of a link: one per unordered pair of nodes, so one set element cuts both directions. */
  int mark(Link link) {
    return MARK_BASE + 16 * indexOf(link.a()) + indexOf(link.b());
  }

  private int indexOf(String node) {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i).name().equals(node)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no node " + node);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    nft(deleteTableScript());
  }

  /** Declaring the table first makes the delete succeed whether or not it existed. */
  private static String deleteTableScript() {
    return "table inet " + TABLE + " {}\ndelete table inet " + TABLE + "\n";
  }

  private static String nft(String script) throws IOException, InterruptedException {
    Process nft = new ProcessBuilder("nft", "-f", "-").redirectErrorStream(true).start();
    nft.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
    nft.getOutputStream().close();
    String output = new String(nft.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!nft.waitFor(30, TimeUnit.SECONDS) || nft.exitValue() != 0) {
      throw new IOException("nft failed: " + output + "\nscript:\n" + script);
    }
    return output;
  }
}
