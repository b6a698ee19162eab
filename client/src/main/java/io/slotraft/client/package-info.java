/** The Java client over gRPC: sync and async command APIs that follow the shard leader. */
package io.slotraft.client;
