# Writes zset-random.txt: random sorted set command sequences with the replies redis-server gives,
# so that ScenarioTest compares Slotraft with Redis step by step (a differential test whose
# expectations are frozen in the file). Regenerate against a throwaway 7.0 server:
#   redis-server --port 6392 --save '' --daemonize yes
#   python3 zset-random.py 6392 > zset-random.txt
#   redis-cli -p 6392 shutdown nosave
# Sets stay below 128 members, where Redis's compact encoding turns a stored -0 into 0 as Slotraft
# does. Lex ranges run only on {z}c, whose scores are all 0 (Redis leaves mixed scores undefined).
# ZRANDMEMBER only asks for more members than the set has, so its answer is the whole set.
import importlib.util, os, random, sys

spec = importlib.util.spec_from_file_location(
    'check', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'check-against-redis.py'))
check = importlib.util.module_from_spec(spec)
sys.argv, port = sys.argv[:1], sys.argv[1]
spec.loader.exec_module(check)

SEED, SCENARIOS, STEPS = 2, 50, 60
r = random.Random(SEED)
KEYS = ['{z}a', '{z}b', '{z}d']
LEX = '{z}c'
MEMBERS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'aa', '"\\xff"', '""']
SCORES = ['-inf', 'inf', '+inf', '-1', '0', '1', '1.5', '2', '3', '0.1', '-2.5', '1e3', '0x10', '10']
BOUNDS = ['-inf', '+inf', '(1', '1', '(0', '2', '(3', '3', '1.5', '(-1', '-1', '5', '(inf', '(-inf', 'x']
LEXB = ['-', '+', '[a', '(a', '[c', '(c', '[aa', '[h', '(h', '[', '(', 'x', '[e', '(b']
def key(): return r.choice(KEYS + ['{z}s', '{z}none'])
def mem(): return r.choice(MEMBERS)
def score(): return r.choice(SCORES)
def opts(words):
    out = []
    for w in words:
        if r.random() < 0.3: out.append(w)
    r.shuffle(out)
    return out
def limit():
    return ['LIMIT', str(r.randint(-1, 4)), str(r.randint(-2, 4))] if r.random() < 0.4 else []
def cmd():
    k = r.random()
    if k < 0.2:
        pairs = []
        for _ in range(r.randint(1, 4)): pairs += [score(), mem()]
        flags = opts(['NX', 'XX', 'GT', 'LT', 'CH', 'INCR'])
        if 'INCR' in flags: pairs = pairs[:2]
        return ['ZADD', r.choice(KEYS)] + flags + pairs
    if k < 0.25: return ['ZADD', LEX, '0', mem(), '0', mem()]
    if k < 0.3: return ['ZINCRBY', r.choice(KEYS), score(), mem()]
    if k < 0.35: return ['ZREM', key()] + [mem() for _ in range(r.randint(1, 3))]
    if k < 0.42:
        kind = r.choice(['', 'BYSCORE', 'BYLEX'])
        if kind == 'BYLEX':
            return ['ZRANGE', LEX, r.choice(LEXB), r.choice(LEXB), 'BYLEX'] + opts(['REV']) + limit()
        if kind == 'BYSCORE':
            return ['ZRANGE', key(), r.choice(BOUNDS), r.choice(BOUNDS), 'BYSCORE'] + opts(['REV', 'WITHSCORES']) + limit()
        return ['ZRANGE', key(), str(r.randint(-5, 5)), str(r.randint(-5, 5))] + opts(['REV', 'WITHSCORES'])
    if k < 0.46: return [r.choice(['ZRANGEBYSCORE', 'ZREVRANGEBYSCORE']), key(), r.choice(BOUNDS), r.choice(BOUNDS)] + opts(['WITHSCORES']) + limit()
    if k < 0.49: return [r.choice(['ZRANGEBYLEX', 'ZREVRANGEBYLEX', 'ZLEXCOUNT']), LEX, r.choice(LEXB), r.choice(LEXB)]
    if k < 0.52: return ['ZCOUNT', key(), r.choice(BOUNDS), r.choice(BOUNDS)]
    if k < 0.56: return [r.choice(['ZRANK', 'ZREVRANK', 'ZSCORE']), key(), mem()]
    if k < 0.58: return ['ZMSCORE', key(), mem(), mem()]
    if k < 0.61: return [r.choice(['ZPOPMIN', 'ZPOPMAX']), key()] + ([str(r.randint(0, 3))] if r.random() < 0.6 else [])
    if k < 0.63: return ['ZMPOP', '2', key(), key(), r.choice(['MIN', 'MAX'])] + (['COUNT', str(r.randint(1, 3))] if r.random() < 0.5 else [])
    if k < 0.67:
        c = r.choice(['ZREMRANGEBYRANK', 'ZREMRANGEBYSCORE', 'ZREMRANGEBYLEX'])
        if c == 'ZREMRANGEBYRANK': return [c, key(), str(r.randint(-4, 4)), str(r.randint(-4, 4))]
        if c == 'ZREMRANGEBYSCORE': return [c, key(), r.choice(BOUNDS), r.choice(BOUNDS)]
        return [c, LEX, r.choice(LEXB), r.choice(LEXB)]
    if k < 0.82:
        op = r.choice(['ZUNION', 'ZINTER', 'ZDIFF', 'ZUNIONSTORE', 'ZINTERSTORE', 'ZDIFFSTORE', 'ZINTERCARD'])
        n = r.randint(1, 3)
        srcs = [key() for _ in range(n)]
        args = [str(n)] + srcs
        if op in ('ZUNION', 'ZINTER', 'ZUNIONSTORE', 'ZINTERSTORE'):
            if r.random() < 0.4: args += ['WEIGHTS'] + [r.choice(['1', '2', '-1', '0', '0.5', 'inf']) for _ in range(n)]
            if r.random() < 0.4: args += ['AGGREGATE', r.choice(['SUM', 'MIN', 'MAX'])]
        if op in ('ZUNION', 'ZINTER', 'ZDIFF') and r.random() < 0.5: args += ['WITHSCORES']
        if op == 'ZINTERCARD' and r.random() < 0.5: args += ['LIMIT', str(r.randint(0, 3))]
        if op.endswith('STORE'): return [op, '{z}d'] + args
        return [op] + args
    if k < 0.86:
        return ['ZRANGESTORE', '{z}d', key(), str(r.randint(-3, 3)), str(r.randint(-3, 3))]
    if k < 0.9: return ['ZCARD', key()]
    if k < 0.93: return ['ZSCAN', key(), '0'] + (['MATCH', r.choice(['*', 'a*', '?', '[a-c]'])] if r.random() < 0.5 else [])
    if k < 0.95: return ['SET', '{z}s', 'x']
    if k < 0.97: return ['DEL', key()]
    return ['ZRANDMEMBER', key(), str(r.randint(10, 20)), 'WITHSCORES'], True


def quoted(w):
    return w if w.startswith('"') or (w and ' ' not in w) else '"' + w + '"'

def main():
    conn = check.Conn(int(port))
    print('# Generated by zset-random.py (seed %d) from redis-server replies; do not edit by hand.' % SEED)
    for scenario in range(SCENARIOS):
        print('\n=== random sequence %d' % scenario)
        conn.call([b'FLUSHALL'])
        for _ in range(STEPS):
            c, sort = cmd(), False
            if isinstance(c, tuple):
                c, sort = c
            line = ' '.join(quoted(w) for w in c)
            reply = conn.call(check.words(line))
            expected = check.text(reply, sort)
            if c[0] == 'ZMPOP' and expected == '(nil)':
                expected = '(nil array)'
            print(line + (' =>~ ' if sort else ' => ') + expected)

main()
