package io.slotraft.tests.nemesis.workload;

import io.slotraft.client.SlotraftClient;
import io.slotraft.client.SlotraftCrossSlotException;
import io.slotraft.client.SlotraftException;
import io.slotraft.client.api.sync.SlotraftCommands;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The smart client over gRPC, shared by the processes that use it (it is thread-safe and routes
 * and retries by itself). Its own retry policy decides what it sends again; here every exception
 * but a refusal it raises before sending (CROSSSLOT) is indeterminate. Its timeout and
 * indeterminate exceptions say "may have run" or, for commands it calls unsafe to repeat, "none
 * ran": trusting the second would make the history depend on the client being right, which is part
 * of what the checkers test.
 */
public final class GrpcClient implements AutoCloseable {
  private final SlotraftClient client;
  private final SlotraftCommands commands;

  public GrpcClient(List<String> seeds) {
    this.client = SlotraftClient.builder().seeds(seeds.toArray(String[]::new))
        .commandTimeout(Duration.ofSeconds(10)).build();
    this.commands = client.sync();
  }

  public <T> T call(Function<SlotraftCommands, T> call) throws NotAppliedException, IndeterminateException {
    try {
      return call.apply(commands);
    } catch (SlotraftCrossSlotException refused) {
      throw new NotAppliedException(refused.getMessage());
    } catch (SlotraftException unknown) {
      throw new IndeterminateException(unknown.getClass().getSimpleName() + ": " + unknown.getMessage());
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
