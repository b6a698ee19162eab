package io.slotraft.client.routing;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every node the client has heard of (seeds first, then nodes from topologies and redirects) and a
 * current candidate among them: where a command goes when nothing better is known, and which node
 * to ask for the topology. Nodes are never forgotten; a node that left only costs a failed attempt.
 */
public final class KnownNodes {
    private final CopyOnWriteArrayList<Endpoint> nodes;
    private final AtomicInteger candidate = new AtomicInteger();

    public KnownNodes(List<Endpoint> seeds) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("at least one seed node is needed");
        }
        this.nodes = new CopyOnWriteArrayList<>(seeds);
    }

    /** Returns whether the node was new. */
    public boolean add(Endpoint node) {
        return nodes.addIfAbsent(node);
    }

    public void addAll(Collection<Endpoint> more) {
        nodes.addAllAbsent(more);
    }

    public Endpoint candidate() {
        return nodes.get(Math.floorMod(candidate.get(), nodes.size()));
    }

    /** The node {@code offset} places after the current candidate, wrapping: to try every node in turn. */
    public Endpoint candidate(int offset) {
        return nodes.get(Math.floorMod(candidate.get() + offset, nodes.size()));
    }

    public int size() {
        return nodes.size();
    }

    /**
     * The node failed: move the candidate past it. Only the first report about the current candidate
     * moves on, so a burst of failures from concurrent commands does not skip healthy nodes.
     */
    public void skip(Endpoint node) {
        int index = candidate.get();
        if (nodes.get(Math.floorMod(index, nodes.size())).equals(node)) {
            candidate.compareAndSet(index, index + 1);
        }
    }

    /** For diagnostics and tests. */
    public List<Endpoint> all() {
        return List.copyOf(nodes);
    }
}
