package io.slotraft.node.session;

import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;

/**
 * Authentication while the node has no password configured, as Redis behaves with its default
 * user left passwordless ("nopass"): every connection starts authenticated as {@code default};
 * naming that user with any password succeeds, any other user does not exist. The one-argument
 * AUTH is refused outright so that a client configured with a password notices the mismatch.
 */
final class DefaultUser {
  static final String NAME = "default";

  static final Reply NO_PASSWORD_CONFIGURED = Replies.error("ERR AUTH <password> called without any password "
      + "configured for the default user. Are you sure your configuration is correct?");

  static final Reply WRONG_PASSWORD =
      Replies.error("WRONGPASS invalid username-password pair or user is disabled.");

  private DefaultUser() {}

  /** Whether {@code user} with any password is accepted; user names are case-sensitive. */
  static boolean accepts(String user) {
    return NAME.equals(user);
  }
}
