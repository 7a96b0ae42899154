#!/usr/bin/python3
"""Polynomial fits behind the constants in src/kernels/exp_core.h (and the
kernels that use them). Each fit is a near-minimax polynomial (Lawson's
iteratively reweighted least squares on Chebyshev nodes, in double, with the
target functions from mpmath at 50 digits); coefficients are then rounded to
float and the rounded polynomial is checked. The error printed is the
relative error the fit adds to the quantity the kernel returns, in units of
2^-24 (so 0.05 means 0.05 ULP at worst for a result whose mantissa is 1.0).

Run: /usr/bin/python3 tests/accuracy/fit/fit.py   (needs python3-numpy, python3-mpmath)
"""
import sys
import numpy as np
import mpmath as mp

mp.mp.dps = 50

def f32(v):
    return float(np.float32(v))

def lawson(v, target, scale, deg, iters=200):
    """min over c of max |(target - sum c_k v^k) * scale|, then the
    coefficients rounded to float one at a time (lowest degree first), the
    others refitted after each rounding."""
    fixed = []
    for k in range(deg + 1):
        rest = target - sum(c * v**j for j, c in enumerate(fixed))
        c = lawson1(v, rest, scale, k, deg)
        fixed.append(f32(c[0]))
    return np.array(fixed)

def lawson1(v, target, scale, k0, deg, iters=150):
    A = np.vstack([v**k for k in range(k0, deg + 1)]).T
    w = np.ones_like(v) / len(v)
    best = None
    for _ in range(iters):
        sw = np.sqrt(w)
        c, *_ = np.linalg.lstsq(A * (sw * scale)[:, None], target * sw * scale, rcond=None)
        e = np.abs((A @ c - target) * scale)
        if best is None or e.max() < best[1]:
            best = (c, e.max())
        w = w * (e + 1e-12 * e.max())
        w /= w.sum()
    return best[0]

def horner(c, v):
    acc = np.zeros_like(v) + c[-1]
    for k in range(len(c) - 2, -1, -1):
        acc = acc * v + c[k]
    return acc

def report(name, c, v, target, scale):
    cf = [f32(x) for x in c]
    e = np.abs((horner(np.array(cf), v) - target) * scale) * 2.0**24
    print("%s: degree %d, max error %.4f (2^-24 units)" % (name, len(c) - 1, e.max()))
    for k, x in enumerate(cf):
        print("    c%d = %s /* %.9g */" % (k, float(x).hex(), x))
    return cf

def chex(x):
    """a float as a C hex literal: 0x1.8p-1f"""
    if x == 0: return "-0.0f" if np.signbit(x) else "0.0f"
    import re
    h = re.sub(r"\.?0+p", "p", float(x).hex())
    return h + "f"

def cheb(lo, hi, n=6000):
    k = np.arange(n)
    return 0.5 * (lo + hi) + 0.5 * (hi - lo) * np.cos(np.pi * (k + 0.5) / n)

def exp_poly():
    # e^r = 1 + r + r^2 P(r), |r| <= ln2/2 + slack (n from a rounded product)
    h = 0.5 * float(mp.log(2)) * 1.02
    r = cheb(-h, h)
    r = r[np.abs(r) > 1e-6]
    P = np.array([float((mp.exp(mp.mpf(x)) - 1 - x) / x**2) for x in r])
    scale = r**2 / np.exp(r)   # error of P -> relative error of e^r
    c = lawson(r, P, scale, 4)
    return report("exp: e^r = 1 + r + r^2*P(r), P", c, r, P, scale)

def exp_tab_poly(bits, deg):
    # table form (AVX-512): e^w = 2^(m/2^bits) e^r, |r| <= ln2/2^(bits+1) (m from an
    # exactly rounded w log2e 2^bits); e^r = 1 + r + r^2 P(r), P of degree deg
    h = float(mp.log(2)) / 2**(bits + 1) * 1.001
    r = cheb(-h, h)
    r = r[np.abs(r) > 1e-9]
    P = np.array([float((mp.exp(mp.mpf(x)) - 1 - x) / x**2) for x in r])
    scale = r**2 / np.exp(r)
    c = lawson(r, P, scale, deg)
    cf = report("exp table %d: e^r = 1 + r + r^2*P(r), P" % 2**bits, c, r, P, scale)
    # the table 2^(j/2^bits) as hi + lo float pairs
    his, los = [], []
    for j in range(2**bits):
        t = mp.power(2, mp.mpf(j) / 2**bits)
        hi = f32(t)
        his.append(hi)
        los.append(f32(t - mp.mpf(hi)))
    print("    hi {%s}" % ", ".join(chex(x) for x in his))
    print("    lo {%s}" % ", ".join(chex(x) for x in los))
    return cf

def expm1_poly(deg):
    # as exp_poly, but the error weighted relative to e^r - 1 (tanh's u, which
    # is its result's leading term wherever n = 0)
    h = 0.5 * float(mp.log(2)) * 1.02
    r = cheb(-h, h)
    r = r[np.abs(r) > 1e-6]
    P = np.array([float((mp.exp(mp.mpf(x)) - 1 - x) / x**2) for x in r])
    scale = r**2 / np.array([float(mp.expm1(mp.mpf(x))) for x in r])
    scale = np.abs(scale)
    c = lawson(r, P, scale, deg)
    return report("expm1: e^r - 1 = r + r^2*P(r), P", c, r, P, scale)

def log1p_poly(deg):
    e = cheb(1e-6, 1.0)
    M = np.array([float((mp.log1p(mp.mpf(v)) - v) / v**2) for v in e])
    l = np.array([float(mp.log1p(mp.mpf(v))) for v in e])
    scale = e**2 / l
    c = lawson(e, M, scale, deg)
    return report("log1p: log1p(e) = e + e^2*M(e) on [0,1], M", c, e, M, scale)

def gelu_erf_small(T, deg):
    # gelu(x) = 0.5x + x^2*A(x^2), A(x^2) = 0.5*erf(x/sqrt2)/x; fit relative to the result on [-T, T]
    x = cheb(-T, T)
    x = x[np.abs(x) > 1e-5]
    A = np.array([float(mp.erf(mp.mpf(v) / mp.sqrt(2)) / (2 * v)) for v in x])
    g = np.array([float(0.5 * mp.mpf(v) * (1 + mp.erf(mp.mpf(v) / mp.sqrt(2)))) for v in x])
    scale = x * x / np.abs(g)
    c = lawson(x * x, A, scale, deg)
    return report("gelu_erf small: 0.5x + x^2*A(x^2) on [-%g,%g], A" % (T, T), c, x * x, A, scale)

def gelu_erf_H(T1, T2, deg, cc):
    # H(a) = a/2*erfc(a/sqrt2)*exp(a^2/2), as a polynomial in t = 1/(1 + cc*a)
    a = cheb(T1, T2)
    H = np.array([float(mp.mpf(v) / 2 * mp.erfc(mp.mpf(v) / mp.sqrt(2)) * mp.exp(mp.mpf(v)**2 / 2)) for v in a])
    t = 1.0 / (1.0 + cc * a)
    scale = 1.0 / H
    c = lawson(t, H, scale, deg)
    return report("gelu_erf tail: H(a) on [%g,%g], poly in t = 1/(1+%g a)" % (T1, T2, cc), c, t, H, scale)

def gelu_erf_H_rational(T1, T2, m):
    # H(a) = a/2*erfc(a/sqrt2)*exp(a^2/2) = P(a)/Q(a), degrees m/m, q0 = 1:
    # Loeb's linearised iteration with Lawson weights, then Q rounded to float
    # and P refitted (P enters linearly) and rounded one coefficient at a time.
    a = cheb(T1, T2, 4000)
    H = np.array([float(mp.mpf(v) / 2 * mp.erfc(mp.mpf(v) / mp.sqrt(2)) * mp.exp(mp.mpf(v)**2 / 2)) for v in a])
    Q = np.ones_like(a); w = np.ones_like(a); best = None
    for _ in range(60):
        A = np.hstack([np.vstack([a**i for i in range(m + 1)]).T, -np.vstack([H * a**j for j in range(1, m + 1)]).T])
        sc = w / (H * Q)
        c, *_ = np.linalg.lstsq(A * sc[:, None], H * sc, rcond=None)
        p = c[:m + 1]; q = np.concatenate([[1.0], c[m + 1:]])
        Qn = horner(q, a)
        e = np.abs(horner(p, a) / Qn - H) / H
        if best is None or e.max() < best[1]: best = (q, e.max())
        w = w * (e + 1e-12 * e.max()); w /= w.sum(); Q = Qn
    qf = [f32(x) for x in best[0]]
    Qf = horner(np.array(qf), a)
    pf = lawson(a, H * Qf, 1.0 / (H * Qf), m)
    e = np.abs(horner(np.array(pf), a) / Qf - H) / H * 2.0**24
    print("gelu_erf tail: H(a) = P(a)/Q(a) on [%g,%g], degrees %d/%d, max error %.4f (2^-24 units)" % (T1, T2, m, m, e.max()))
    for k, x in enumerate(pf): print("    p%d = %s /* %.9g */" % (k, float(x).hex(), x))
    for k, x in enumerate(qf): print("    q%d = %s /* %.9g */" % (k, float(x).hex(), x))

def lawson_c0split(v, target, scale, deg):
    """as lawson(), but c0 is kept as a float pair c0h + c0l (two floats)"""
    c = lawson1(v, target, scale, 0, deg)
    c0h = f32(c[0]); c0l = f32(c[0] - c0h)
    fixed = [c0h + c0l]
    for k in range(1, deg + 1):
        rest = target - sum(cc * v**j for j, cc in enumerate(fixed))
        c = lawson1(v, rest, scale, k, deg)
        fixed.append(f32(c[0]))
    return c0h, c0l, np.array(fixed)

GELU_PIECES = [(0.5, 1.0, False), (1.0, 2.0, False), (2.0, 4.0, True), (4.0, 14.5, True)]

def gelu_erf_H_small(deg):
    # The fifth piece of the v_lutx kernels, a in [0, 0.5): there the kernel
    # sets e^(-a^2/2) to 1 and this piece is the whole product, a G(a) =
    # (a/2) erfc(a/sqrt2), G of degree deg - 1 (m = 0, c0 = 0: relative
    # accuracy down to the denormals; c1 = 1/2 exactly).
    a = cheb(0.0, 0.5, 3000)
    a = a[a > 1e-6]
    G = np.array([float(mp.erfc(mp.mpf(x) / mp.sqrt(2)) / 2) for x in a])
    c = lawson(a, G, 1 / G, deg - 1)
    e = np.abs(horner(np.array(c), a) - G) / G * 2.0**24
    cond = max(np.sum(np.abs(c)[None, :] * np.abs(a)[:, None]**np.arange(deg)[None, :], axis=1) / G)
    print("gelu_erf tail: a in [0,0.5), (a/2) erfc(a/sqrt2) = a G(a), degree %d, max error %.4f (2^-24 units), Horner condition %.2f"
          % (deg, e.max(), cond))
    print("    -M 0, -C0 -0, C1..C%d {%s}" % (deg, ", ".join(chex(x) for x in c)))

def gelu_erf_H_pieces(deg):
    # H(a) = a/2*erfc(a/sqrt2)*exp(a^2/2) on four pieces of [0.5, 14.5]; on
    # each a polynomial of degree deg in v = w - m, w = a (a < 2) or 1/a
    # (a >= 2), m a float near the middle of w's range where H is within
    # 2^-12 ULP of a float (near_float_point: c0 is one float).
    def H(x):
        x = mp.mpf(x)
        return float(x / 2 * mp.erfc(x / mp.sqrt(2)) * mp.exp(x**2 / 2))
    rows = []
    for lo, hi, inv in GELU_PIECES:
        wlo, whi = (1 / hi, 1 / lo) if inv else (lo, hi)
        w = cheb(wlo, whi, 3000)
        a = 1 / w if inv else w
        t = np.array([H(x) for x in a])
        m, c0 = near_float_point((lambda y: H(1 / y)) if inv else H, f32(0.5 * (wlo + whi)))
        v = w - m
        keep = np.abs(v) > 1e-5 * (whi - wlo)
        c = np.array([c0] + list(lawson(v[keep], (t[keep] - c0) / v[keep], v[keep] / t[keep], deg - 1)))
        e = np.abs(horner(c, v) - t) / t * 2.0**24
        cond = max(np.sum(np.abs(c)[None, :] * np.abs(v)[:, None]**np.arange(deg + 1)[None, :], axis=1) / t)
        print("gelu_erf tail: a in [%g,%g), v = %s - %s, degree %d, max error %.4f (2^-24 units), Horner condition %.2f"
              % (lo, hi, "1/a" if inv else "a", float(m).hex(), deg, e.max(), cond))
        rows.append([-m, -c0] + [f32(x) for x in c[1:]])
    names = ["-M", "-C0"] + ["C%d" % k for k in range(1, deg + 1)]
    for j, nm in enumerate(names):
        print("    %-4s {%s}" % (nm, ", ".join(chex(r[j]) for r in rows)))

def near_float_point(fn, m0, tol=2.0**-12):
    """the float m nearest m0 whose fn(m) lies within tol ULP of a float c0
    (fn returns a double, which places fn(m) to ~2^-29 ULP of a float): a
    polynomial in v = x - m then has c0 = fn(m) to that, with no low part"""
    m0 = np.float32(m0)
    step = np.spacing(m0)
    for k in range(1 << 16):
        for m in ((m0,) if k == 0 else (m0 + np.float32(k) * step, m0 - np.float32(k) * step)):
            y = fn(float(m))
            c0 = np.float32(y)
            if abs(y - float(c0)) <= tol * float(np.spacing(c0)):
                return float(m), float(c0)
    raise ValueError("no near-float point")

def gelu_erf_H_halves(deg, bits=1):
    # The AVX-512 table (v_lutxh): 8 * 2^bits entries, one per 1/2^bits of a
    # binade of a (index = bits(a) >> (23 - bits), mod 8 * 2^bits: exponent
    # mod 8, then the top mantissa bits), a in [2^-4, 16). Every piece is a
    # polynomial of degree deg in v = a - m (no 1/a) of H(a): the kernel
    # multiplies every lane by e^(-a^2/2), small a included (no select; the
    # v_lutx kernels set it to 1 for a < 0.5 and fit (a/2) erfc(a/sqrt2)
    # there instead). a < 0.125 (exponent 123, and smaller a, read from
    # max(a, 2^-4)) is one piece from 0: m = 0, c0 = 0, c1 = 1/2, so the
    # result keeps its relative accuracy down to the denormals. Elsewhere m is
    # a float near the middle where the function is within 2^-12 ULP of a
    # float (near_float_point), so c0 is one float, no pair.
    def H(x):
        x = mp.mpf(x)
        return float(x / 2 * mp.erfc(x / mp.sqrt(2)) * mp.exp(x**2 / 2))
    a = cheb(0.0, 0.125, 3000)
    a = a[a > 1e-6]
    G = np.array([H(x) / x for x in a])
    # G(0) = 1/2 exactly, the rest fitted as a G1(a)
    g = [0.5] + list(lawson(a, (G - 0.5) / a, a / G, deg - 2))
    e = np.abs(horner(np.array(g), a) - G) / G * 2.0**24
    worst = e.max()
    print("gelu_erf halves: a in [0,0.125), H(a) = a G(a), degree %d, max error %.4f (2^-24 units)" % (deg, e.max()))
    small = [0.0, -0.0] + [f32(x) for x in g]
    k = 2**bits
    rows = [None] * (8 * k)
    for ex in range(123, 131):
        for q in range(k):
            i = (ex % 8) * k + q
            if ex < 124:
                rows[i] = small
                continue
            lo = 2.0**(ex - 127) * (1 + q / k)
            hi = min(2.0**(ex - 127) * (1 + (q + 1) / k), 14.5)
            fn = H
            w = cheb(lo, hi, 2000)
            t = np.array([fn(x) for x in w])
            m, c0 = near_float_point(fn, f32(0.5 * (lo + hi)))
            v = w - m
            keep = np.abs(v) > 1e-5 * (hi - lo)
            c = np.array([c0] + list(lawson(v[keep], (t[keep] - c0) / v[keep], v[keep] / t[keep], deg - 1)))
            e = np.abs(horner(c, v) - t) / t * 2.0**24
            cond = max(np.sum(np.abs(c)[None, :] * np.abs(v)[:, None]**np.arange(deg + 1)[None, :], axis=1) / t)
            worst = max(worst, e.max())
            print("gelu_erf halves: a in [%g,%g), v = a - %s, degree %d, max error %.4f (2^-24 units), Horner condition %.2f"
                  % (lo, hi, float(m).hex(), deg, e.max(), cond))
            rows[i] = [-m, -c0] + [f32(x) for x in c[1:]]
    print("gelu_erf halves: worst %.4f" % worst)
    names = ["-M", "-C0"] + ["C%d" % k for k in range(1, deg + 1)]
    for j, nm in enumerate(names):
        print("    R(%s) /* %s */" % (", ".join(chex(r[j]) for r in rows), nm))

if __name__ == "__main__":
    # The fits the kernels use (degree chosen as the lowest with error <= ~0.15).
    what = sys.argv[1:] or ["exp", "tanh", "log1p", "gelu"]
    if "exp" in what:
        exp_poly()                               # exp_core.h ACT_EXP_P*
        exp_tab_poly(4, 1)                       # exp_core.h ACT_EXPT_P*, act_exp_tab16
    if "tanh" in what: expm1_poly(4)             # tanh.h ACT_TANH_P*
    if "log1p" in what: log1p_poly(8)            # softplus.h ACT_LOG1P_M*
    if "gelu" in what:
        gelu_erf_small(0.5, 4)                   # gelu_erf.h ACT_GELU_A*
        gelu_erf_H_pieces(7)                     # gelu_erf.h act_gelu_h_tab
        gelu_erf_H_small(7)                      # gelu_erf.h, the fifth column (v_lutx)
        gelu_erf_H_halves(6)                     # gelu_erf.h act_gelu_half_tab (v_lutxh)
