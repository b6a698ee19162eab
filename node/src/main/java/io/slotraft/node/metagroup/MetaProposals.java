package io.slotraft.node.metagroup;

import io.slotraft.proto.v1.MetaCommand;
import java.util.concurrent.CompletableFuture;

/** Where meta commands that arrive over {@code MetaService.Propose} go; {@link MetaProposer} on a node. */
public interface MetaProposals {
  /** Proposes through whichever meta member leads (the admin CLI's and the reports' way in). */
  CompletableFuture<ProposalOutcome> propose(MetaCommand command);

  /** Proposes only if this node leads meta; a forwarded command goes no further. */
  CompletableFuture<ProposalOutcome> proposeAsLeader(MetaCommand command);
}
