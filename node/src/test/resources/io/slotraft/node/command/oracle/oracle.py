#!/usr/bin/env python3
"""Asks a real redis-server what it answers, to write expectations the unit tests then check.

Not run by the build: the tests read only the files this writes. To regenerate, from this directory:

    redis-server --port 6393 --save '' --daemonize yes
    python3 oracle.py fill ../bitmaps.txt          # replaces each '=> ...' with Redis's reply
    python3 oracle.py bits 20240611 > ../bits-golden.txt
    python3 oracle.py hll > ../hyperloglog-golden.txt
    redis-cli -p 6393 shutdown nosave

Replies are written the way ReplyText prints them, and commands are split the way ScenarioTest
splits them, so a line means the same thing to both. Each scenario runs on an empty database.
"""
import hashlib
import random
import socket
import sys

PORT = 6393


class Redis:
    def __init__(self, port=PORT):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.buf = b""

    def call(self, *words):
        out = b"*%d\r\n" % len(words)
        for w in words:
            w = w if isinstance(w, bytes) else str(w).encode()
            out += b"$%d\r\n%s\r\n" % (len(w), w)
        self.sock.sendall(out)
        return self._reply()

    def _line(self):
        while b"\r\n" not in self.buf:
            self.buf += self.sock.recv(1 << 16)
        line, self.buf = self.buf.split(b"\r\n", 1)
        return line

    def _exact(self, n):
        while len(self.buf) < n + 2:
            self.buf += self.sock.recv(1 << 16)
        data, self.buf = self.buf[:n], self.buf[n + 2:]
        return data

    def _reply(self):
        line = self._line()
        kind, rest = line[:1], line[1:]
        if kind == b"+":
            return ("simple", rest.decode())
        if kind == b"-":
            return ("error", rest.decode())
        if kind == b":":
            return ("int", int(rest))
        if kind == b"$":
            n = int(rest)
            return ("nil", None) if n < 0 else ("bulk", self._exact(n))
        if kind == b"*":
            n = int(rest)
            return ("nilarray", None) if n < 0 else ("array", [self._reply() for _ in range(n)])
        raise ValueError(line)


def quote(data):
    out = '"'
    for c in data:
        if c in (0x22, 0x5C):
            out += "\\" + chr(c)
        elif 0x20 <= c < 0x7F:
            out += chr(c)
        else:
            out += "\\x%02x" % c
    return out + '"'


def text(reply):
    """As ReplyText.of prints a reply."""
    kind, value = reply
    if kind == "simple":
        return value
    if kind == "error":
        return "(error) " + value
    if kind == "int":
        return "(integer) %d" % value
    if kind == "bulk":
        return quote(value)
    if kind == "nil":
        return "(nil)"
    if kind == "nilarray":
        return "(nil array)"
    return "[" + ", ".join(text(item) for item in value) + "]"


def words(line):
    """As ScenarioTest.words splits a command line."""
    result, i = [], 0
    while i < len(line):
        if line[i] == " ":
            i += 1
        elif line[i] == '"':
            word, i = bytearray(), i + 1
            while line[i] != '"':
                if line[i] != "\\":
                    word += line[i].encode()
                    i += 1
                    continue
                e = line[i + 1]
                if e == "x":
                    word.append(int(line[i + 2:i + 4], 16))
                    i += 4
                    continue
                word += {"n": b"\n", "t": b"\t"}.get(e, e.encode())
                i += 2
            result.append(bytes(word))
            i += 1
        else:
            end = line.find(" ", i)
            end = len(line) if end < 0 else end
            result.append(line[i:end].encode())
            i = end
    return result


def fill(path):
    """Rewrites every 'COMMAND => expected' line of a scenario file with what Redis answers.

    Scenarios titled "... unlike Redis" are left as written: they show where this node differs.
    """
    r = Redis()
    lines = open(path).read().split("\n")
    ours = False
    for n, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("==="):
            r.call("FLUSHALL")
            # A scenario whose title says "unlike Redis" documents a deliberate difference.
            ours = "unlike Redis" in stripped
        elif ours:
            continue
        elif stripped.startswith("@nonstring "):
            nonstring(r, stripped.split()[1])
        elif stripped and not stripped.startswith("#") and not stripped.startswith("@"):
            arrow = stripped.find(" =>")
            command = stripped if arrow < 0 else stripped[:arrow]
            sorted_marker = arrow >= 0 and stripped.startswith("=>~", arrow + 1)
            if sorted_marker:
                raise SystemExit("line %d: =>~ is not filled automatically" % (n + 1))
            lines[n] = command + " => " + text(r.call(*words(command)))
    open(path, "w").write("\n".join(lines))


def nonstring(r, key):
    """What ScenarioTest's '@nonstring key' stands for: a key holding something other than a string."""
    r.call("DEL", key)
    r.call("RPUSH", key, "x")


def bits(seed):
    """Random SETBIT/GETBIT/BITCOUNT/BITPOS/BITOP/BITFIELD scenarios on a few short strings."""
    rnd = random.Random(seed)
    r = Redis()
    print("# Random bit commands and the replies of redis-server 7.0.15 (bitops as in 7.2), made by")
    print("# oracle.py bits %d. Edge-heavy: short strings, offsets near the end, negative ranges," % seed)
    print("# every BITFIELD type width and overflow mode at its bounds.")
    for scenario in range(60):
        print()
        print("=== random bit commands, scenario %d" % scenario)
        r.call("FLUSHALL")
        print("@nonstring l")
        nonstring(r, "l")
        for _ in range(40):
            line = random_bit_command(rnd)
            print(line + " => " + text(r.call(*words(line))))


KEYS = ["a", "b", "{a}c"]


def random_string(rnd):
    length = rnd.choice([0, 1, 1, 2, 3, 5, 8, 9, 17])
    pattern = rnd.choice(["random", "zeros", "ones", "sparse"])
    data = bytearray()
    for _ in range(length):
        if pattern == "zeros":
            data.append(0)
        elif pattern == "ones":
            data.append(0xFF)
        elif pattern == "sparse":
            data.append(rnd.choice([0, 0, 0, 0xFF, 1 << rnd.randrange(8)]))
        else:
            data.append(rnd.randrange(256))
    return quote(bytes(data))


def index(rnd, scale):
    return str(rnd.choice([0, 1, -1, 2, -2, rnd.randrange(-scale, scale + 1), rnd.randrange(-3 * scale, 3 * scale),
                           "9223372036854775807", "-9223372036854775808"]))


def unit(rnd):
    return rnd.choice(["BYTE", "BIT", "bit", "byte", "BIT", "BYTE", "BITS"])


def bitfield_type(rnd):
    if rnd.random() < 0.02:
        return rnd.choice(["u64", "i65", "i0", "u0", "I8", "8", "i", "i08", "u-1"]), True, 8
    signed = rnd.random() < 0.5
    width = rnd.choice([1, 2, 3, 7, 8, 9, 15, 16, 31, 32, 33, 63, 64] if signed else [1, 2, 3, 7, 8, 9, 15, 16, 31, 32, 33, 62, 63])
    return ("i" if signed else "u") + str(width), signed, width


def bitfield_value(rnd, signed, width):
    top = (1 << (width - 1)) if signed else (1 << width)
    lo = -top if signed else 0
    hi = top - 1
    candidates = [0, 1, -1, lo, hi, lo - 1, hi + 1, hi - 1, lo + 1, rnd.randrange(-300, 300),
                  -(1 << 63), (1 << 63) - 1, rnd.randrange(lo, hi + 1)]
    value = rnd.choice(candidates)
    return str(max(-(1 << 63), min((1 << 63) - 1, value)))


def bitfield_offset(rnd, width):
    if rnd.random() < 0.02:
        return rnd.choice(["-1", "#-1", "4294967296", "#536870912", "x", "#", "+1"])
    if rnd.random() < 0.2:
        return "#" + str(rnd.randrange(0, 6))
    return str(rnd.choice([0, 1, 3, 7, 8, 13, rnd.randrange(0, 160)]))


def random_bitfield(rnd, readonly):
    parts = ["BITFIELD_RO" if readonly else "BITFIELD", rnd.choice(KEYS)]
    for _ in range(rnd.randrange(1, 5)):
        choice = rnd.random()
        if choice < 0.15:
            parts += ["OVERFLOW", rnd.choice(["WRAP", "SAT", "FAIL", "sat", "fail"])]
            continue
        name, signed, width = bitfield_type(rnd)
        op = "GET" if readonly or choice < 0.4 else rnd.choice(["SET", "INCRBY", "INCRBY"])
        parts += [op, name, bitfield_offset(rnd, width)]
        if op != "GET":
            parts.append(bitfield_value(rnd, signed, width))
    return " ".join(parts)


def random_bit_command(rnd):
    key = rnd.choice(KEYS) if rnd.random() < 0.97 else "l"
    kind = rnd.choices(["SET", "SETBIT", "GETBIT", "BITCOUNT", "BITPOS", "BITOP", "BITFIELD", "BITFIELD_RO", "GET"],
                       [3, 3, 2, 5, 6, 2, 8, 2, 2])[0]
    if kind == "SET":
        return "SET %s %s" % (key, random_string(rnd))
    if kind == "SETBIT":
        return "SETBIT %s %d %d" % (key, rnd.choice([0, 7, 8, rnd.randrange(0, 100)]), rnd.randrange(2))
    if kind == "GETBIT":
        return "GETBIT %s %d" % (key, rnd.randrange(0, 100))
    if kind == "GET":
        return "GET " + key
    if kind == "BITCOUNT":
        form = rnd.randrange(3)
        if form == 0:
            return "BITCOUNT " + key
        scale = 8 * 17 if form == 2 else 17
        line = "BITCOUNT %s %s %s" % (key, index(rnd, scale), index(rnd, scale))
        return line + (" " + unit(rnd) if form == 2 else "")
    if kind == "BITPOS":
        form = rnd.randrange(4)
        scale = 8 * 17 if form == 3 else 17
        line = "BITPOS %s %s" % (key, rnd.choice(["0", "1"] * 8 + ["2", "-1", "x"]))
        if form >= 1:
            line += " " + index(rnd, scale)
        if form >= 2:
            line += " " + index(rnd, scale)
        if form == 3:
            line += " " + unit(rnd)
        return line
    if kind == "BITOP":
        op = rnd.choice(["AND", "OR", "XOR", "NOT"])
        sources = [rnd.choice(KEYS + ["missing"])] if op == "NOT" else [rnd.choice(KEYS + ["missing"]) for _ in range(rnd.randrange(1, 4))]
        return "BITOP %s %s %s" % (op, rnd.choice(KEYS), " ".join(sources))
    return random_bitfield(rnd, kind == "BITFIELD_RO")


def hll():
    """PFADD/PFMERGE/PFCOUNT over deterministic element ranges; SHA256 of the stored string."""
    r = Redis()
    print("# HyperLogLog replies and stored bytes of redis-server 7.0.15 (HyperLogLog as in 7.2), made")
    print("# by oracle.py hll. ADD key prefix from to: PFADD of prefix<i> for i in [from, to), 500 a call;")
    print("# its reply is 1 if any call answered 1. SHA256 key: the digest of the stored string.")
    rnd = random.Random(7)
    cases = [(1, 1), (2, 5), (3, 40), (4, 120), (5, 300), (6, 600), (7, 900), (8, 1500), (9, 2500),
             (10, 4000), (11, 9000), (12, 30000)]
    for case, size in cases:
        print()
        print("=== sketches of about %d elements" % size)
        r.call("FLUSHALL")
        a_from, a_to = 0, size
        b_from, b_to = size // 2, size // 2 + rnd.randrange(1, size + 2)
        # A single-key PFCOUNT makes Redis write the count into the string, and the bytes stay
        # there (marked stale) after later changes; so each key is counted alone only at the end.
        steps = [["ADD", "a", "e", a_from, a_to], ["ADD", "b", "e", b_from, b_to],
                 ["SHA256", "a"], ["SHA256", "b"], ["PFCOUNT", "a", "missing"], ["PFCOUNT", "a", "b"],
                 ["PFMERGE", "u", "a", "b"], ["SHA256", "u"], ["PFCOUNT", "u", "missing"],
                 ["PFMERGE", "a", "b"], ["SHA256", "a"],
                 ["ADD", "c", "x%d-" % case, 0, rnd.randrange(1, 60)], ["PFMERGE", "c", "u"], ["SHA256", "c"],
                 ["PFMERGE", "d", "c"], ["SHA256", "d"], ["PFCOUNT", "d", "missing"],
                 ["PFCOUNT", "a"], ["PFCOUNT", "b"], ["PFCOUNT", "u"], ["PFCOUNT", "c"], ["PFCOUNT", "d"],
                 ["PFCOUNT", "a"]]
        for step in steps:
            print(" ".join(str(s) for s in step) + " => " + hll_step(r, step))


def hll_step(r, step):
    if step[0] == "ADD":
        key, prefix, lo, hi = step[1], step[2], step[3], step[4]
        updated = 0
        for start in range(lo, hi, 500):
            elements = [("%s%d" % (prefix, i)).encode() for i in range(start, min(hi, start + 500))]
            updated |= r.call("PFADD", key, *elements)[1]
        return str(updated)
    if step[0] == "SHA256":
        kind, value = r.call("GET", step[1])
        return hashlib.sha256(value).hexdigest()
    return text(r.call(*[str(s) for s in step]))


if __name__ == "__main__":
    if sys.argv[1] == "fill":
        fill(sys.argv[2])
    elif sys.argv[1] == "bits":
        bits(int(sys.argv[2]))
    elif sys.argv[1] == "hll":
        hll()
