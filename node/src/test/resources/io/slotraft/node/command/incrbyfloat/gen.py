# Inputs for golden.txt: varied decimal, exponent, hex, extreme and invalid numbers, fixed seed.
import random
r = random.Random(20240607)
def dec():
    kind = r.random()
    sign = r.choice(['', '', '-', '+'])
    if kind < 0.35:
        ip = str(r.randint(0, 10**r.randint(0, 6)))
        fp = ''.join(r.choice('0123456789') for _ in range(r.randint(0, 6)))
        return sign + ip + ('.' + fp if fp else '')
    if kind < 0.55:
        m = ''.join(r.choice('0123456789') for _ in range(r.randint(1, 20)))
        p = r.randint(0, len(m))
        return sign + m[:p] + '.' + m[p:] if p < len(m) else sign + m
    if kind < 0.75:
        return sign + '%d.%de%d' % (r.randint(1, 9), r.randint(0, 999), r.randint(-30, 30))
    if kind < 0.82:
        return sign + '0x%x.%xp%d' % (r.randint(0, 4095), r.randint(0, 255), r.randint(-20, 20))
    if kind < 0.88:
        return sign + '%de%d' % (r.randint(1, 9), r.choice([-4951, -4950, -4940, -400, -320, 308, 309, 400, 4931, 4932, 4933]))
    if kind < 0.94:
        return sign + r.choice(['0.1', '0.2', '0.3', '1.1', '2.675', '0.000003814697265625', '1e-17', '5e-18', '1.5e-17', '2.5e-17', '123456789012345678', '9007199254740993', '18446744073709551615', '0.30000000000000004'])
    return r.choice(['inf', '-inf', 'nan', '1e', '.', '', '1..2', '0x', '1e5.5', 'abc', 'Infinity', '-0', '0e0', '.5', '5.', '1_0'])
pairs = set()
while len(pairs) < 1500:
    a, b = dec(), dec()
    if a and b:
        pairs.add((a, b))
for a, b in sorted(pairs):
    print(a, b)
