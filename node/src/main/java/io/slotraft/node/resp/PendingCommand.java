package io.slotraft.node.resp;

import io.slotraft.node.reply.Reply;
import java.util.List;

/** One request of a connection, from its arrival until its reply is written. */
final class PendingCommand {
  private final List<byte[]> argv;
  private final boolean write;
  private Reply reply;
  private int protocol = 2;

  PendingCommand(List<byte[]> argv, boolean write) {
    this.argv = argv;
    this.write = write;
  }

  /** A request answered on arrival, such as a protocol error. */
  static PendingCommand answered(Reply reply, int protocol) {
    PendingCommand command = new PendingCommand(List.of(), false);
    command.answer(reply, protocol);
    return command;
  }

  List<byte[]> argv() {
    return argv;
  }

  boolean isWrite() {
    return write;
  }

  boolean answered() {
    return reply != null;
  }

  Reply reply() {
    return reply;
  }

  /** The RESP version to write the reply in. */
  int protocol() {
    return protocol;
  }

  void answer(Reply reply, int protocol) {
    this.reply = reply;
    this.protocol = protocol;
  }

  void setProtocol(int protocol) {
    this.protocol = protocol;
  }
}
