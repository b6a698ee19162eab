package io.slotraft.tests.consistency;

import io.slotraft.tests.history.Json;
import io.slotraft.tests.history.OpFunction;
import io.slotraft.tests.history.Operation;
import java.util.List;
import java.util.Objects;

/**
 * A read/write/compare-and-set register, one per key, initially absent. Values are compared with
 * {@code equals}, so a workload must record reads in the same form it records writes (Redis returns
 * strings: write strings).
 *
 * <ul>
 *   <li>read, and final read (made once the run is over): its result must equal the current value
 *       (null: the key is absent); a final read after an acknowledged write that did not see it is
 *       the write lost
 *   <li>write: sets the value
 *   <li>cas {@code [expected, new]}: takes effect only if the current value equals {@code expected};
 *       a cas that did not match is recorded as fail, and failed operations never reach the model
 * </ul>
 */
public final class RegisterModel implements Model<RegisterModel.State> {

  /** The register's content; {@code value} null means the key is absent. */
  public record State(Object value) {}

  private static final State ABSENT = new State(null);

  @Override
  public String name() {
    return "register";
  }

  @Override
  public boolean checks(Operation operation) {
    OpFunction f = operation.f();
    return f == OpFunction.READ || f == OpFunction.FINAL_READ || f == OpFunction.WRITE || f == OpFunction.CAS;
  }

  @Override
  public State initialState() {
    return ABSENT;
  }

  @Override
  public State step(State state, Operation operation) {
    return switch (operation.f()) {
      case READ, FINAL_READ -> Objects.equals(state.value(), operation.output()) ? state : null;
      case WRITE -> new State(operation.input());
      case CAS -> {
        List<?> expectedAndNew = casArguments(operation);
        yield Objects.equals(state.value(), expectedAndNew.get(0)) ? new State(expectedAndNew.get(1)) : null;
      }
      default -> throw new IllegalArgumentException("not a register operation: " + operation);
    };
  }

  @Override
  public boolean isReadOnly(Operation operation) {
    return operation.f() == OpFunction.READ || operation.f() == OpFunction.FINAL_READ;
  }

  @Override
  public String describe(State state) {
    return state.value() == null ? "absent" : Json.write(state.value());
  }

  private static List<?> casArguments(Operation operation) {
    if (operation.input() instanceof List<?> list && list.size() == 2) {
      return list;
    }
    throw new IllegalArgumentException("cas needs [expected, new]: " + operation);
  }
}
