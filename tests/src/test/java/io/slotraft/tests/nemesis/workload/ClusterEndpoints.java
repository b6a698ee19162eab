package io.slotraft.tests.nemesis.workload;

import java.util.List;
import java.util.Random;
import redis.clients.jedis.HostAndPort;

/**
 * Where clients reach the cluster (every node's RESP and gRPC address) and the seed their random
 * choices derive from: process p draws from {@code new Random(seed + p)}.
 */
public record ClusterEndpoints(List<HostAndPort> resp, List<String> grpc, long seed) {

  public RespClient respClient(int process) {
    return new RespClient(resp, randomFor(process));
  }

  public Random randomFor(int process) {
    return new Random(seed * 1_000_003L + process);
  }
}
