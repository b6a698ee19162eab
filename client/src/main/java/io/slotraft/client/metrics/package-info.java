/**
 * What the client counts about itself (redirects, elections waited out, topology loads), for
 * applications' monitoring and for tests that check a client routes without redirects. No export
 * format here: an application reads the counters and publishes them its own way.
 */
package io.slotraft.client.metrics;
