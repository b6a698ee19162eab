package io.slotraft.client.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotraft.client.codec.Utf8;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which commands a lost connection may send again; the table is the specification. */
class RetrySafetyTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        // reads
        "GET         | k                | true",
        "get         | k                | true",
        "MGET        | a b              | true",
        "EXISTS      | a                | true",
        "TTL         | k                | true",
        "SCAN        | 0 MATCH a*       | true",
        "PING        |                  | true",
        "TIME        |                  | true",
        // writes that set an absolute state
        "SET         | k v              | true",
        "SET         | k v EX 10 XX     | true",
        "SET         | k v KEEPTTL      | true",
        "MSET        | a 1 b 2          | true",
        "DEL         | a b              | true",
        "PEXPIREAT   | k 1700000000000  | true",
        "SETRANGE    | k 3 abc          | true",
        "FLUSHALL    |                  | true",
        // the answer or the data differs on a second run
        "SET         | k v NX           | false",
        "SET         | k v get          | false",
        "SET         | k v EX 10 GET    | false",
        "INCR        | k                | false",
        "INCRBY      | k 5              | false",
        "DECR        | k                | false",
        "APPEND      | k x              | false",
        "GETSET      | k v              | false",
        "GETDEL      | k                | false",
        "SETNX       | k v              | false",
        "MSETNX      | a 1              | false",
        "RENAME      | a b              | false",
        "EXPIRE      | k 10             | false",
        "PEXPIRE     | k 10             | false",
        "HINCRBY     | h f 1            | false",
        "NEWCOMMAND  | k                | false",
    })
    void classifies(String name, String args, boolean safe) {
        List<byte[]> argBytes = args == null ? List.of() : Arrays.asList(Utf8.encodeAll(args.split(" ")));
        assertEquals(safe, RetrySafety.isSafeToRepeat(name, argBytes));
    }

    @ParameterizedTest(name = "a value that spells an option does not count: SET k {0}")
    @CsvSource({"NX", "GET"})
    void theValueOfSetIsNotAnOption(String value) {
        assertEquals(true, RetrySafety.isSafeToRepeat("SET", Arrays.asList(Utf8.encodeAll("k", value))));
    }
}
