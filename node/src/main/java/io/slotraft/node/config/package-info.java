/**
 * The node's one typed configuration: every setting declared once in {@link
 * io.slotraft.node.config.ConfigKey}, merged file &lt; environment &lt; command line and checked at
 * start-up with messages that say which setting is wrong and where it came from.
 */
package io.slotraft.node.config;
