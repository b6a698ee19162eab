package io.slotraft.node;

import io.slotraft.node.config.ConfigException;
import io.slotraft.node.config.ConfigKey;
import io.slotraft.node.config.ConfigLoader;
import io.slotraft.node.config.NodeConfig;
import io.slotraft.node.config.NodeIdentity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code slotraft-node}: starts one node. Flags are generated from {@link ConfigKey}, so every
 * setting has the same name as a flag, an environment variable and a config-file key. Exit codes:
 * 0 after a clean stop, 1 when the node cannot start, 2 for bad flags or settings.
 */
public final class Main {
  private static final String JRAFT_COLLECTOR_CAP = "jraft.max_collector_size_per_thread";

  private Main() {}

  public static void main(String[] args) {
    // JRaft ships protobuf classes from an old protoc; without this the runtime warns once per class.
    System.setProperty("com.google.protobuf.use_unsafe_pre22_gencode", "true");
    // Bolt's logging layer (sofa-common-tools) cannot drive logback 1.5 and prints a stack trace at
    // start-up when it tries; told not to, it falls back to slf4j, and its own notices are muted.
    System.setProperty("logback.middleware.log.disable", "true");
    System.setProperty("sofa.middleware.log.internal.level", "ERROR");
    // JRaft keeps, per thread, up to this many of the buffers it filled to send entries to followers,
    // for reuse; at its default of 256 (each up to an AppendEntries body) they held ~35 MB of a
    // leader's heap after bulk loads, memory that looked like keyspace. A few per thread keep the
    // reuse; an operator's own -D setting wins.
    if (System.getProperty(JRAFT_COLLECTOR_CAP) == null) {
      System.setProperty(JRAFT_COLLECTOR_CAP, "8");
    }
    System.exit(run(args));
  }

  static int run(String[] args) {
    CommandLine commandLine = new CommandLine(commandSpec());
    PrintWriter err = commandLine.getErr();
    ParseResult parsed;
    try {
      parsed = commandLine.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      err.println("slotraft-node: " + e.getMessage());
      err.println("Try 'slotraft-node --help' for the list of settings.");
      return 2;
    }
    if (CommandLine.printHelpIfRequested(parsed)) {
      return 0;
    }
    NodeConfig config;
    try {
      config = load(parsed);
      NodeIdentity.claim(config);
    } catch (ConfigException e) {
      err.println("slotraft-node: " + e.getMessage());
      err.flush();
      return 2;
    }
    return serve(config, err);
  }

  private static int serve(NodeConfig config, PrintWriter err) {
    // JRaft dumps node and thread-pool diagnostics on SIGUSR2, by default into the working directory.
    String diagnostics = config.dataDir().resolve("diagnostics").toAbsolutePath().toString();
    for (String kind : new String[] {"node.describe", "node.metrics", "thread.pool.metrics"}) {
      System.setProperty("jraft.signal." + kind + ".dir", diagnostics);
    }
    SlotraftNode node = new SlotraftNode(config);
    try {
      node.start();
    } catch (Exception e) {
      err.println("slotraft-node: cannot start node " + config.self().name() + ": " + e.getMessage());
      err.flush();
      node.close();
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      node.close();
      stopped.countDown();
    }, "shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static NodeConfig load(ParseResult parsed) throws ConfigException {
    ConfigLoader loader = new ConfigLoader();
    if (parsed.hasMatchedOption("--config")) {
      loader.file(Path.of(parsed.<String>matchedOptionValue("--config", null)));
    }
    loader.environment(System.getenv());
    Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
    for (ConfigKey key : ConfigKey.values()) {
      if (parsed.hasMatchedOption(key.flag())) {
        flags.put(key, parsed.matchedOptionValue(key.flag(), ""));
      }
    }
    return loader.flags(flags).load();
  }

  private static CommandSpec commandSpec() {
    CommandSpec spec = CommandSpec.create().name("slotraft-node");
    spec.usageMessage().description("Runs one Slotraft node. Settings come from --config FILE, then SLOTRAFT_* "
        + "environment variables, then these flags (later wins).");
    spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help and exit.").build());
    spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).description("Print the version and exit.").build());
    spec.version("slotraft-node " + version());
    spec.addOption(OptionSpec.builder("--config").paramLabel("FILE").type(String.class)
        .description("A properties file with settings named as below without the dashes.").build());
    for (ConfigKey key : ConfigKey.values()) {
      String defaultText = key.defaultValue() == null ? "" : " Default: " + key.defaultValue() + ".";
      spec.addOption(OptionSpec.builder(key.flag()).paramLabel("VALUE").type(String.class)
          .description(key.description() + defaultText + " Env: " + key.environmentVariable() + ".").build());
    }
    return spec;
  }

  private static String version() {
    String version = Main.class.getPackage().getImplementationVersion();
    return version == null ? "development build" : version;
  }
}
