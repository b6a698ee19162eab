package io.slotraft.node.raft;

import com.alipay.sofa.jraft.rpc.RaftRpcServerFactory;
import com.alipay.sofa.jraft.rpc.RpcServer;
import com.alipay.sofa.jraft.rpc.impl.BoltRpcServer;
import com.alipay.sofa.jraft.util.Endpoint;

/**
 * The node's one Raft RPC server (JRaft's Bolt transport), shared by every replica on the node;
 * replicas are told apart by group id.
 */
public final class RaftTransport implements AutoCloseable {
  private final Endpoint endpoint;
  private final RpcServer rpcServer;

  public RaftTransport(String host, int port) {
    this.endpoint = new Endpoint(host, port);
    // RaftRpcServerFactory.createRaftRpcServer(endpoint) would bind the port on every address
    // (Bolt's RpcServer(port) listens on 0.0.0.0) and ignore the host: the Raft port must listen
    // only on the address the node advertises, like its RESP, gRPC and HTTP ports, so that nodes
    // sharing a machine on different addresses stay apart (and a fault can cut one of them off).
    // Same Bolt options as the factory's: connections managed by the server.
    this.rpcServer = new BoltRpcServer(new com.alipay.remoting.rpc.RpcServer(host, port, true));
    RaftRpcServerFactory.addRaftRequestProcessors(rpcServer);
  }

  /** Binds the port. Fails with a clear message when it is taken. */
  public void start() {
    if (!rpcServer.init(null)) {
      throw new IllegalStateException("cannot start the Raft server on " + endpoint + " (is the port in use?)");
    }
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  RpcServer rpcServer() {
    return rpcServer;
  }

  @Override
  public void close() {
    rpcServer.shutdown();
  }
}
