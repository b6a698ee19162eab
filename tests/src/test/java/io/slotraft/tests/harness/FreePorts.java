package io.slotraft.tests.harness;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.List;

/** Finds a run of consecutive free loopback ports, so concurrent test runs never share a cluster. */
final class FreePorts {
  private static final int LAST_PORT = 60_000;

  private FreePorts() {}

  /** The first port p at or above {@code from} (stepping by 100) such that p .. p+count-1 are all free. */
  static int block(int from, int count) {
    return block(from, count, List.of(InetAddress.getLoopbackAddress().getHostAddress()));
  }

  /** Like {@link #block(int, int)}, with the ports free on every one of {@code hosts}. */
  static int block(int from, int count, List<String> hosts) {
    for (int base = from; base + count < LAST_PORT; base += 100) {
      int candidate = base;
      if (hosts.stream().allMatch(host -> allFree(host, candidate, count))) {
        return base;
      }
    }
    throw new IllegalStateException("no " + count + " free consecutive ports from " + from + " on " + hosts);
  }

  private static boolean allFree(String host, int base, int count) {
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an address: " + host, e);
    }
    for (int port = base; port < base + count; port++) {
      try (ServerSocket socket = new ServerSocket(port, 1, address)) {
        socket.setReuseAddress(false);
      } catch (IOException inUse) {
        return false;
      }
    }
    return true;
  }
}
