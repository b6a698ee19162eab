package io.slotraft.node.raft;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/**
 * The Raft port listens on the node's own address only, like its other ports: nodes sharing a
 * machine on different loopback addresses stay apart, and a fault can cut one of them off.
 */
class RaftTransportTest {

  @Test
  void listensOnItsHostAndNotOnTheMachinesOtherAddresses() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    try (RaftTransport transport = new RaftTransport("127.0.0.2", port)) {
      transport.start();
      try (Socket own = new Socket()) {
        own.connect(new InetSocketAddress("127.0.0.2", port), 2_000);
      }
      assertThrows(ConnectException.class, () -> {
        try (Socket other = new Socket()) {
          other.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
        }
      });
    }
  }
}
