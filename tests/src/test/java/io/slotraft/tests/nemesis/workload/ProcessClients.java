package io.slotraft.tests.nemesis.workload;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The clients of a workload whose processes are split between the two ways in: even processes
 * speak RESP (each its own connection), odd ones share the smart client over gRPC. Each process also
 * has its own random, derived from the run's seed.
 */
final class ProcessClients implements AutoCloseable {
  private final Map<Integer, RespClient> resp = new ConcurrentHashMap<>();
  private final Map<Integer, Random> randoms = new ConcurrentHashMap<>();
  private final GrpcClient grpc;

  ProcessClients(ClusterEndpoints endpoints, int processes) {
    for (int p = 0; p < processes; p++) {
      randoms.put(p, endpoints.randomFor(p));
      if (p % 2 == 0) {
        resp.put(p, endpoints.respClient(p));
      }
    }
    this.grpc = new GrpcClient(endpoints.grpc());
  }

  Random random(int process) {
    return randoms.get(process);
  }

  /** The process's RESP connection; empty for a process that speaks gRPC. */
  Optional<RespClient> resp(int process) {
    return Optional.ofNullable(resp.get(process));
  }

  GrpcClient grpc() {
    return grpc;
  }

  @Override
  public void close() {
    List.copyOf(resp.values()).forEach(RespClient::close);
    grpc.close();
  }
}
