package io.slotraft.admin;

import picocli.CommandLine;

/** {@code --node host:port}: the gRPC address of any node of the cluster, parsed and checked. */
record NodeAddressOption(String host, int port) {
  static final String DEFAULT = "127.0.0.1:7101";

  /** Picocli's converter: a bad value is a usage error naming the option. */
  static final class Converter implements CommandLine.ITypeConverter<NodeAddressOption> {
    @Override
    public NodeAddressOption convert(String value) {
      int colon = value.lastIndexOf(':');
      if (colon <= 0 || colon == value.length() - 1) {
        throw new CommandLine.TypeConversionException("expected host:port, e.g. " + DEFAULT + ", not '" + value + "'");
      }
      int port;
      try {
        port = Integer.parseInt(value.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException("port in '" + value + "' is not a number");
      }
      if (port < 1 || port > 65535) {
        throw new CommandLine.TypeConversionException("port " + port + " is outside 1-65535");
      }
      return new NodeAddressOption(value.substring(0, colon), port);
    }
  }
}
