# Golden tables for RedisNumbersTest, made with the C library itself (glibc through ctypes):
#   strtod.txt: input (hex-escaped bytes) -> bits of strtod's value, bytes consumed, ERANGE or not
#   g17.txt:    bits of a double -> what printf("%.17g") writes, Redis 7.0's double reply
# Run: python3 gen.py   (fixed seeds; rerunning rewrites both files identically)
import ctypes, ctypes.util, random, struct

libc = ctypes.CDLL(ctypes.util.find_library('c'), use_errno=True)
libc.strtod.restype = ctypes.c_double
libc.strtod.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_char_p)]
ERANGE = 34

def bits(d):
    return struct.unpack('<Q', struct.pack('<d', d))[0]

def strtod(data):
    buf = ctypes.create_string_buffer(data)
    end = ctypes.c_char_p()
    ctypes.set_errno(0)
    value = libc.strtod(buf, ctypes.byref(end))
    err = ctypes.get_errno()
    consumed = ctypes.cast(end, ctypes.c_void_p).value - ctypes.addressof(buf)
    return value, consumed, err == ERANGE

def inputs():
    r = random.Random(20240611)
    fixed = ['', ' ', '1', '-1', '+1', ' 1', '\t-2.5', '1 ', '1e', '1e+', '1e-5', '.5', '5.', '.', '-', '+',
             '-.e1', 'inf', '-inf', '+inf', 'INF', 'Infinity', '-infinity', 'infinit', 'infx', 'nan', '-nan',
             'NaN(123)', 'nan(', 'nan(abc', 'nan()', '0x', '0x1', '0X1F', '0x.8', '0x1.8p3', '0x1p-1074',
             '0x1p-1080', '0x1p1024', '0x1P+3', '0x1p', '0xg', '0x.', '1e400', '-1e400', '1e-400', '4.9e-324',
             '2.4e-324', '2.5e-324', '1e-320', '1.7976931348623157e308', '1.7976931348623159e308', '0e-400',
             '0.000e999', '00012', '1_0', '1,5', '1.5.5', '3.0000000000000004', '0.1', '1e99999999999',
             '1e-99999999999', '0x1p99999999999', '123456789012345678901234567890', '\v7', '\f8', '\r9',
             '\n10', '1e5.5', '(1', '[a']
    seen = set()
    for s in fixed:
        seen.add(s)
        yield s.encode()
    while len(seen) < 1200:
        kind = r.random()
        sign = r.choice(['', '', '-', '+'])
        if kind < 0.3:
            s = sign + str(r.randint(0, 10 ** r.randint(0, 20))) + r.choice(['', '.', '.' + str(r.randint(0, 999999))])
        elif kind < 0.6:
            s = sign + '%d.%de%s%d' % (r.randint(0, 9), r.randint(0, 99999), r.choice(['', '+', '-']), r.randint(0, 330))
        elif kind < 0.75:
            s = sign + '0x%x.%xp%d' % (r.randint(0, 1 << 40), r.randint(0, 4095), r.randint(-1100, 1100))
        else:
            s = sign + ''.join(r.choice('0123456789.eExXpP+- infa') for _ in range(r.randint(1, 8)))
        if s not in seen:
            seen.add(s)
            yield s.encode()

def escape(data):
    return ''.join(chr(b) if 0x21 <= b < 0x7F and b != ord('\\') else '\\x%02x' % b for b in data) or '""'

with open('strtod.txt', 'w') as out:
    out.write('# input value-bits consumed erange (see gen.py)\n')
    for data in inputs():
        value, consumed, erange = strtod(data)
        out.write('%s %016x %d %d\n' % (escape(data), bits(value), consumed, 1 if erange else 0))

def doubles():
    r = random.Random(20240612)
    fixed = [0.0, -0.0, 1.5, 0.1, -0.1, 3.0000000000000004, 1e17, 1e16, 99999999999999999.0, 123456789012345678.0,
             1e-4, 1e-5, 0.00012345, 1.0000000000000001e-05, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
             2.0 ** 53, 2.0 ** 53 + 2, 2.0 ** 60, -2.0 ** 63, 1 / 3, 2 / 3, 100.5, 1e21, 1e22, 0.3, 2.675, 1e-7]
    for d in fixed:
        yield d
    for _ in range(3000):
        kind = r.random()
        if kind < 0.5:
            d = struct.unpack('<d', struct.pack('<Q', r.getrandbits(64)))[0]
        elif kind < 0.8:
            d = r.uniform(-1e6, 1e6)
        else:
            d = r.randint(-10 ** 6, 10 ** 6) / r.choice([2, 4, 8, 10, 100, 1000, 3])
        if d == d and d not in (float('inf'), float('-inf')):
            yield d

with open('g17.txt', 'w') as out:
    out.write('# double-bits printf("%.17g") (see gen.py)\n')
    buf = ctypes.create_string_buffer(64)
    for d in doubles():
        libc.snprintf(buf, 64, b'%.17g', ctypes.c_double(d))
        out.write('%016x %s\n' % (bits(d), buf.value.decode()))
