package io.slotraft.tests.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import redis.clients.jedis.ClusterPipeline;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisMovedDataException;

/**
 * Reads back what loads saw acknowledged, through a fresh JedisCluster, in pipelines of 1000 GETs. A
 * pipeline does not follow redirects: a chunk answered MOVED or TRYAGAIN (a leader changed since
 * the slot map was loaded) is read again through a new client, which loads the map afresh.
 */
public final class ReadBack {
  private static final int CHUNK = 1000;
  private static final int ATTEMPTS = 10;

  private ReadBack() {}

  /** The keys whose value is not the acknowledged one, each as {@code key=read (acknowledged value)}. */
  public static List<String> wrongOrMissing(Set<HostAndPort> seeds, Map<String, String> acknowledged) {
    List<Map.Entry<String, String>> entries = new ArrayList<>(acknowledged.entrySet());
    List<String> wrong = new ArrayList<>();
    for (int from = 0; from < entries.size(); from += CHUNK) {
      List<Map.Entry<String, String>> chunk = entries.subList(from, Math.min(entries.size(), from + CHUNK));
      List<String> values = readChunk(seeds, chunk);
      for (int i = 0; i < chunk.size(); i++) {
        if (!chunk.get(i).getValue().equals(values.get(i))) {
          wrong.add(chunk.get(i).getKey() + "=" + values.get(i) + " (acknowledged " + chunk.get(i).getValue() + ")");
        }
      }
    }
    return wrong;
  }

  private static List<String> readChunk(Set<HostAndPort> seeds, List<Map.Entry<String, String>> chunk) {
    JedisDataException redirected = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      try (JedisCluster reader = new JedisCluster(seeds); ClusterPipeline pipeline = reader.pipelined()) {
        List<Response<String>> responses = new ArrayList<>();
        chunk.forEach(entry -> responses.add(pipeline.get(entry.getKey())));
        pipeline.sync();
        List<String> values = new ArrayList<>();
        for (Response<String> response : responses) {
          values.add(response.get());
        }
        return values;
      } catch (JedisDataException e) {
        if (!(e instanceof JedisMovedDataException) && !String.valueOf(e.getMessage()).startsWith("TRYAGAIN")) {
          throw e;
        }
        redirected = e;
      }
    }
    throw new AssertionError("reading back kept being redirected after " + ATTEMPTS + " attempts", redirected);
  }
}
