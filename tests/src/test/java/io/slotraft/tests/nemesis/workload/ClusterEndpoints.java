package io.slotraft.tests.nemesis.workload;

import java.util.List;
import java.util.Random;
import redis.clients.jedis.HostAndPort;

/**
 * Where clients reach the cluster (every node's RESP and gRPC address), how many shards it has (so
 * that workloads can put keys in every one), and the seed the clients' random choices derive from.
 */
public record ClusterEndpoints(List<HostAndPort> resp, List<String> grpc, int shards, long seed) {

  public RespClient respClient(int process) {
    return new RespClient(resp, randomFor(process));
  }

  public Random randomFor(int process) {
    return new Random(seed * 1_000_003L + process);
  }
}
