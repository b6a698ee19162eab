package io.slotraft.tests.harness;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds a run of consecutive free loopback ports, so concurrent test runs never share a cluster. */
final class FreePorts {
  private static final int LAST_PORT = 60_000;

  private FreePorts() {}

  /** The first port p at or above {@code from} (stepping by 100) such that p .. p+count-1 are all free. */
  static int block(int from, int count) {
    for (int base = from; base + count < LAST_PORT; base += 100) {
      if (allFree(base, count)) {
        return base;
      }
    }
    throw new IllegalStateException("no " + count + " free consecutive ports from " + from);
  }

  private static boolean allFree(int base, int count) {
    for (int port = base; port < base + count; port++) {
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        socket.setReuseAddress(false);
      } catch (IOException inUse) {
        return false;
      }
    }
    return true;
  }
}
