package io.slotraft.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.slotraft.client.api.async.SlotraftAsyncCommands;
import io.slotraft.client.api.sync.SlotraftCommands;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The sync and async APIs must not drift: same methods, sync returning what async's future holds. */
class ApiParityTest {

    @Test
    void everyAsyncMethodHasASyncTwinReturningTheFuturesValue() throws Exception {
        int checked = 0;
        for (Method async : SlotraftAsyncCommands.class.getMethods()) {
            Method sync = SlotraftCommands.class.getMethod(async.getName(), async.getParameterTypes());
            assertNotNull(sync);
            assertEquals(CompletableFuture.class, async.getReturnType(), async.toString());
            Type futureValue = ((ParameterizedType) async.getGenericReturnType()).getActualTypeArguments()[0];
            assertEquals(futureValue, sync.getGenericReturnType(), sync.toString());
            checked++;
        }
        assertEquals(SlotraftCommands.class.getMethods().length, checked, "and no sync method without a twin");
    }
}
