package io.slotraft.client;

import io.slotraft.proto.v1.CommandRequest;
import io.slotraft.proto.v1.CommandResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** A leader that keeps a few string commands in a map: enough to tell a command ran, and where. */
final class FakeStore implements Function<CommandRequest, CommandResponse> {
    private final Map<String, String> data = new ConcurrentHashMap<>();

    @Override
    public CommandResponse apply(CommandRequest request) {
        switch (request.getName().toUpperCase(Locale.ROOT)) {
            case "SET":
                data.put(arg(request, 0), arg(request, 1));
                return Answers.ok();
            case "GET":
                String value = data.get(arg(request, 0));
                return value == null ? Answers.nil() : Answers.bulk(value);
            case "INCR":
                return incr(arg(request, 0));
            case "PING":
                return Answers.simple("PONG");
            default:
                return Answers.error("ERR unknown command '" + request.getName() + "'");
        }
    }

    private CommandResponse incr(String key) {
        try {
            long next = Long.parseLong(data.getOrDefault(key, "0")) + 1;
            data.put(key, Long.toString(next));
            return Answers.integer(next);
        } catch (NumberFormatException e) {
            return Answers.error("ERR value is not an integer or out of range");
        }
    }

    private static String arg(CommandRequest request, int index) {
        return request.getArgs(index).toString(StandardCharsets.UTF_8);
    }
}
