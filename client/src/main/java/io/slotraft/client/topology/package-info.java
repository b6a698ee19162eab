/**
 * Keeps the client's slot map fresh from the nodes' TopologyService: {@code TopologyRefresher} loads
 * it with GetTopology at connect, on a timer and soon after a routing error; {@code TopologyWatcher}
 * optionally keeps a WatchTopology stream open. Both hand what they receive to the router in
 * {@code routing}, which alone decides whether it replaces the map (epochs only go forward).
 */
package io.slotraft.client.topology;
