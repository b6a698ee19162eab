package io.slotraft.client.routing;

import io.slotraft.proto.v1.NodeAddress;
import java.util.Objects;

/** A node's gRPC address: host and port. Written {@code host:port}, or {@code [v6-address]:port}. */
public record Endpoint(String host, int port) {

    public Endpoint {
        Objects.requireNonNull(host, "host");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("empty host");
        }
        if (port <= 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public static Endpoint parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("expected host:port, got '" + text + "'");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new Endpoint(host, Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in '" + text + "'", e);
        }
    }

    /** The gRPC endpoint of a node the server named, or null when the server did not know it. */
    public static Endpoint of(NodeAddress address) {
        if (address.getHost().isEmpty() || address.getGrpcPort() <= 0) {
            return null;
        }
        return new Endpoint(address.getHost(), address.getGrpcPort());
    }

    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? '[' + host + "]:" + port : host + ':' + port;
    }
}
