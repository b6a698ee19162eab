/**
 * How the String convenience methods turn text into the bytes the server stores, and back: UTF-8,
 * always. Nothing else lives here; binary callers use the {@code byte[]} methods directly.
 */
package io.slotraft.client.codec;
