/** The node's HTTP port: health, status and Prometheus metrics for operators and scripts. */
package io.slotraft.node.http;
