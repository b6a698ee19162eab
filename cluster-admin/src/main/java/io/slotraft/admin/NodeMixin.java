package io.slotraft.admin;

import picocli.CommandLine.Option;

/** The {@code --node} option every subcommand takes. */
final class NodeMixin {
  @Option(names = "--node", paramLabel = "HOST:PORT", defaultValue = NodeAddressOption.DEFAULT,
      converter = NodeAddressOption.Converter.class,
      description = "gRPC address of any node of the cluster (default: ${DEFAULT-VALUE}).")
  NodeAddressOption address;
}
