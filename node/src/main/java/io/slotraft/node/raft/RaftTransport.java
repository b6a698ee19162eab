package io.slotraft.node.raft;

import com.alipay.sofa.jraft.rpc.RaftRpcServerFactory;
import com.alipay.sofa.jraft.rpc.RpcServer;
import com.alipay.sofa.jraft.util.Endpoint;

/**
 * The node's one Raft RPC server (JRaft's Bolt transport), shared by every replica on the node;
 * replicas are told apart by group id.
 */
public final class RaftTransport implements AutoCloseable {
  private final Endpoint endpoint;
  private final RpcServer rpcServer;

  public RaftTransport(String host, int port) {
    LogStorageOptions.registerOnce();
    this.endpoint = new Endpoint(host, port);
    this.rpcServer = RaftRpcServerFactory.createRaftRpcServer(endpoint);
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
