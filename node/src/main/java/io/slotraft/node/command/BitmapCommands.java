package io.slotraft.node.command;

import static io.slotraft.node.catalog.CommandFlag.DENYOOM;
import static io.slotraft.node.catalog.CommandFlag.FAST;
import static io.slotraft.node.catalog.CommandFlag.READONLY;
import static io.slotraft.node.catalog.CommandFlag.WRITE;
import static io.slotraft.node.command.StringCommands.handler;

import io.slotraft.node.catalog.CommandCatalog;

/**
 * The catalog entries of Redis's "bitmap" group, with Redis 7's arity, flags and key positions.
 * Bitmaps are plain strings read bit by bit; TYPE says "string".
 */
public final class BitmapCommands {
  private BitmapCommands() {}

  public static void register(CommandCatalog.Builder b) {
    entry(b, "setbit", 4, "2.2.0", "Set or clear one bit of a key's string, growing it as needed.")
        .flags(WRITE, DENYOOM).arguments(SingleBitCommands::checkSetBit).handler(handler(SingleBitCommands::setBit));
    entry(b, "getbit", 3, "2.2.0", "Answer one bit of a key's string.")
        .flags(READONLY, FAST).handler(handler(SingleBitCommands::getBit));
    entry(b, "bitcount", -2, "2.6.0", "Count the set bits of a key's string, or of a range of it.")
        .flags(READONLY).handler(handler(BitScanCommands::bitCount));
    entry(b, "bitpos", -3, "2.8.7", "Find the first set or clear bit of a key's string, or of a range of it.")
        .flags(READONLY).handler(handler(BitScanCommands::bitPos));
    entry(b, "bitop", -4, "2.6.0", "Store the AND, OR, XOR or NOT of strings in a key.")
        .flags(WRITE, DENYOOM).keys(2, -1, 1).arguments(BitOpCommand::checkedOperator).handler(handler(BitOpCommand::bitOp));
    entry(b, "bitfield", -2, "3.2.0", "Read, write and increment integers at any bit offset of a key's string.")
        .flags(WRITE, DENYOOM).arguments(BitfieldOp::parseAll).handler(handler(BitfieldCommand::bitfield));
    entry(b, "bitfield_ro", -2, "6.0.0", "Read integers at any bit offset of a key's string.")
        .flags(READONLY, FAST).handler(handler(BitfieldCommand::bitfieldRo));
  }

  /** An entry of this group whose one key is argv[1]; BITOP overrides the keys. */
  private static CommandCatalog.EntryBuilder entry(CommandCatalog.Builder b, String name, int arity,
      String since, String summary) {
    return b.command(name, arity).group("bitmap").keys(1, 1, 1).since(since).summary(summary);
  }
}
