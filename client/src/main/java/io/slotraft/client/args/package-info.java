/**
 * Argument objects for commands with options ({@code SetArgs}, {@code GetExArgs}, {@code ExpireArgs},
 * {@code ScanArgs}), in place of long lists of booleans. Each renders itself as the Redis tokens that
 * follow the command's fixed arguments, in the order Redis documents; nothing here talks to a server.
 */
package io.slotraft.client.args;
