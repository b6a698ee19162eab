package io.slotraft.tests.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import redis.clients.jedis.ClusterPipeline;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.Response;

/** Reads back what loads saw acknowledged, through a fresh JedisCluster, in pipelines of 1000 GETs. */
public final class ReadBack {
  private static final int CHUNK = 1000;

  private ReadBack() {}

  /** The keys whose value is not the acknowledged one, each as {@code key=read (acknowledged value)}. */
  public static List<String> wrongOrMissing(Set<HostAndPort> seeds, Map<String, String> acknowledged) {
    List<Map.Entry<String, String>> entries = new ArrayList<>(acknowledged.entrySet());
    List<String> wrong = new ArrayList<>();
    try (JedisCluster reader = new JedisCluster(seeds)) {
      for (int from = 0; from < entries.size(); from += CHUNK) {
        List<Map.Entry<String, String>> chunk = entries.subList(from, Math.min(entries.size(), from + CHUNK));
        List<Response<String>> values = new ArrayList<>();
        try (ClusterPipeline pipeline = reader.pipelined()) {
          chunk.forEach(entry -> values.add(pipeline.get(entry.getKey())));
          pipeline.sync();
        }
        for (int i = 0; i < chunk.size(); i++) {
          String read = values.get(i).get();
          if (!chunk.get(i).getValue().equals(read)) {
            wrong.add(chunk.get(i).getKey() + "=" + read + " (acknowledged " + chunk.get(i).getValue() + ")");
          }
        }
      }
    }
    return wrong;
  }
}
