/**
 * The command catalog: one {@link io.slotraft.node.catalog.CommandSpec} per command (name, arity,
 * flags, key positions, docs, handler), argument parsing with Redis's error texts, and the handler
 * interfaces. Handlers themselves live in the feature packages that register them.
 */
package io.slotraft.node.catalog;
