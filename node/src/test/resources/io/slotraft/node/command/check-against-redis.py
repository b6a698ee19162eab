# Runs scenario files against a real redis-server over RESP3 and reports the steps whose expected
# reply differs from what Redis answers. FLUSHALL before each scenario: use a throwaway server.
#   redis-server --port 6392 --save '' --daemonize yes
#   python3 check-against-redis.py 6392 zset-*.txt
#   redis-cli -p 6392 shutdown nosave
# Skipped: the rest of a scenario after an @now/@advance step (Redis's clock cannot be driven), and
# the step after a "# differs" comment (where Slotraft answers otherwise on purpose). A nil is
# compared as nil whatever its RESP2 kind; "=>~" steps compare their words in any order.
import socket, sys

def words(line):
    out, i = [], 0
    while i < len(line):
        c = line[i]
        if c == ' ':
            i += 1
        elif c == '"':
            i += 1
            w = bytearray()
            while line[i] != '"':
                if line[i] == '\\':
                    e = line[i + 1]
                    if e == 'x':
                        w.append(int(line[i + 2:i + 4], 16)); i += 4; continue
                    w += {'n': b'\n', 't': b'\t'}.get(e, e.encode())
                    i += 2
                else:
                    w += line[i].encode(); i += 1
            i += 1
            out.append(bytes(w))
        else:
            j = line.find(' ', i)
            j = len(line) if j < 0 else j
            out.append(line[i:j].encode()); i = j
    return out

class Conn:
    def __init__(self, port):
        self.s = socket.create_connection(('127.0.0.1', port))
        self.f = self.s.makefile('rb')
        self.call([b'HELLO', b'3'])
    def call(self, argv):
        msg = b'*%d\r\n' % len(argv) + b''.join(b'$%d\r\n%s\r\n' % (len(a), a) for a in argv)
        self.s.sendall(msg)
        return self.read()
    def read(self):
        line = self.f.readline()[:-2]
        t, rest = line[:1], line[1:]
        if t == b'+': return ('simple', rest.decode())
        if t == b'-': return ('error', rest.decode())
        if t == b':': return ('int', int(rest))
        if t == b'$':
            n = int(rest)
            if n < 0: return ('nil',)
            data = self.f.read(n + 2)[:-2]
            return ('bulk', data)
        if t == b'_': return ('nil',)
        if t == b',': return ('double', rest.decode())
        if t in (b'*', b'~'):
            n = int(rest)
            if n < 0: return ('nil',)
            return ('array', [self.read() for _ in range(n)])
        if t == b'%':
            n = int(rest)
            return ('array', [self.read() for _ in range(2 * n)])
        raise Exception('unknown reply type %r' % line)

def quote(b):
    out = '"'
    for c in b:
        if c in (ord('"'), ord('\\')): out += '\\' + chr(c)
        elif 0x20 <= c < 0x7f: out += chr(c)
        else: out += '\\x%02x' % c
    return out + '"'

def text(r, sort=False):
    k = r[0]
    if k == 'simple': return r[1]
    if k == 'error': return '(error) ' + r[1]
    if k == 'int': return '(integer) %d' % r[1]
    if k == 'bulk': return quote(r[1])
    if k == 'nil': return '(nil)'
    if k == 'double': return '(double) ' + r[1]
    items = [text(i, sort) for i in r[1]]
    if sort: items.sort()
    return '[' + ', '.join(items) + ']'

def tokens(t):
    return sorted(t.replace('[', ' ').replace(']', ' ').replace(',', ' ').split())

def main():
    conn = Conn(int(sys.argv[1]))
    bad = 0
    for name in sys.argv[2:]:
        scenario, skip, skip_next = None, False, False
        for no, raw in enumerate(open(name, encoding='utf-8'), 1):
            line = raw.strip()
            if line.startswith('==='):
                scenario, skip = line, False
                conn.call([b'FLUSHALL'])
                continue
            if line.startswith('# differs'):
                skip_next = True
                continue
            if not line or line.startswith('#'):
                continue
            if line.startswith('@'):
                skip = True
                continue
            if skip or skip_next:
                skip_next = False
                continue
            arrow = line.index(' =>')
            sort = line.startswith('=>~', arrow + 1)
            expected = line[arrow + (4 if sort else 3):].strip()
            actual = text(conn.call(words(line[:arrow])), sort)
            same = tokens(actual) == tokens(expected) if sort else actual == expected.replace('(nil array)', '(nil)')
            if not same:
                bad += 1
                print('%s:%d %s\n  expected %s\n  redis    %s' % (name, no, line[:arrow], expected, actual))
    print('mismatches:', bad)

if __name__ == "__main__":
    main()
