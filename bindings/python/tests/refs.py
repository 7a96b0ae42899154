"""Float64 references, torch float32 counterparts and ULP distances for the tests.

Each reference evaluates the exact function of act.h in float64 with a formulation that
has no cancellation or spurious overflow (the float64 result is within a few float64 ULP,
i.e. ~1e-15 relative, of the truth; rounding it to float32 is then the correctly rounded
result but for ties at the 2**-29 level). Parameters enter as the float32 values the
library sees.
"""

import math
import os
import re

import numpy as np
import torch
import torch.nn.functional as F

F64 = torch.float64

SELU_A = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946
SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)


def f32(v):
    """A Python float rounded to float32, as act_params stores it."""
    return float(np.float32(v))


def _softplus64(z):
    # log(1 + exp(z)) = max(z, 0) + log1p(exp(-|z|)): no overflow for any z.
    return torch.clamp(z, min=0) + torch.log1p(torch.exp(-z.abs()))


def _sigmoid64(z):
    # 1/(1+exp(-z)) is exact enough in float64 (exp(-z) overflows to inf only where
    # the float32 result underflows to 0 anyway).
    return 1.0 / (1.0 + torch.exp(-z))


def ref64(kind, x, alpha=None, beta=None, slopes=None, inner=1):
    """The float64 reference of kind on x (a float32 numpy array); returns float64 numpy."""
    t = torch.from_numpy(np.asarray(x, dtype=np.float32)).to(F64)
    a = f32(alpha) if alpha is not None else None
    if kind == "relu":
        r = torch.where(t > 0, t, torch.zeros_like(t))
    elif kind == "leaky_relu":
        a = f32(0.01) if a is None else a
        r = torch.where(t > 0, t, a * t)
    elif kind == "prelu":
        s = torch.from_numpy(np.asarray(slopes, np.float32)).to(F64)
        ch = (torch.arange(t.numel()) // inner) % s.numel()
        sl = s[ch].reshape(t.shape)
        r = torch.where(t > 0, t, sl * t)
    elif kind == "bounded_relu":
        b = 6.0 if a is None else a
        r = torch.clamp(torch.where(t > 0, t, torch.zeros_like(t)), max=b)
    elif kind == "relu6":
        r = torch.clamp(torch.where(t > 0, t, torch.zeros_like(t)), max=6.0)
    elif kind == "hardtanh":
        lo = -1.0 if a is None else a
        hi = 1.0 if beta is None else f32(beta)
        r = torch.clamp(t, lo, hi)
    elif kind == "elu":
        a = 1.0 if a is None else a
        r = torch.where(t > 0, t, a * torch.expm1(t))
    elif kind == "selu":
        r = SELU_SCALE * torch.where(t > 0, t, SELU_A * torch.expm1(t))
    elif kind == "celu":
        a = 1.0 if a is None else a
        r = torch.clamp(t, min=0) + torch.clamp(a * torch.expm1(t / a), max=0)
    elif kind == "gelu_tanh":
        u = SQRT_2_OVER_PI * (t + 0.044715 * t**3)
        r = t * _sigmoid64(2.0 * u)  # = 0.5x(1 + tanh u), without the cancellation
    elif kind == "gelu_erf":
        r = 0.5 * t * torch.special.erfc(-t / math.sqrt(2.0))  # = 0.5x(1 + erf(x/sqrt2))
    elif kind == "sigmoid":
        r = _sigmoid64(t)
    elif kind == "tanh":
        r = torch.tanh(t)
    elif kind == "silu":
        r = t * _sigmoid64(t)
    elif kind == "softplus":
        b = 1.0 if a is None else a
        r = _softplus64(b * t) / b
    elif kind == "mish":
        r = t * torch.tanh(_softplus64(t))
    elif kind == "hardsigmoid":
        r = torch.clamp(t + 3.0, 0.0, 6.0) / 6.0
    elif kind == "hardswish":
        r = t * torch.clamp(t + 3.0, 0.0, 6.0) / 6.0
    elif kind == "softsign":
        r = torch.where(t.abs() == math.inf, torch.sign(t), t / (1.0 + t.abs()))
    elif kind == "logsigmoid":
        r = -_softplus64(-t)
    elif kind == "swish":
        b = 1.0 if a is None else a
        r = t * _sigmoid64(b * t)
    else:
        raise KeyError(kind)
    # inf*0 style NaNs cannot arise from non-NaN inputs above except x*sigmoid at x=±inf:
    r = _fix_infinities(kind, t, r, a)
    return r.numpy()


def _fix_infinities(kind, t, r, a):
    """Mathematical limits at ±inf where the float64 formula gives inf*0 = NaN."""
    inf = torch.isinf(t)
    if not inf.any():
        return r
    pos = inf & (t > 0)
    neg = inf & (t < 0)
    r = r.clone()
    if kind in ("gelu_tanh", "gelu_erf", "silu", "mish") or (kind == "swish" and (a is None or a > 0)):
        r[pos] = math.inf
        r[neg] = -0.0
    elif kind == "swish" and a == 0:
        r[pos] = math.inf
        r[neg] = -math.inf
    elif kind == "swish":  # beta < 0: x*sigmoid(beta x) -> 0 at +inf, -inf at -inf
        r[pos] = 0.0
        r[neg] = -math.inf
    elif kind == "hardswish":
        r[pos] = math.inf
        r[neg] = -0.0
    return r


# torch's float32 functions, the way a user would call them. swish and bounded_relu have
# no torch function and are composed from float32 operations.
def torch32(kind, x, alpha=None, beta=None, slopes=None, inner=1):
    t = torch.from_numpy(np.asarray(x, dtype=np.float32).copy())
    a = alpha
    if kind == "relu":
        return F.relu(t).numpy()
    if kind == "leaky_relu":
        return F.leaky_relu(t, 0.01 if a is None else a).numpy()
    if kind == "prelu":
        w = torch.from_numpy(np.asarray(slopes, np.float32))
        return F.prelu(t, w).numpy()  # channel dim 1 of an (N, C, inner) tensor
    if kind == "bounded_relu":
        return torch.clamp(F.relu(t), max=6.0 if a is None else a).numpy()
    if kind == "relu6":
        return F.relu6(t).numpy()
    if kind == "hardtanh":
        return F.hardtanh(t, -1.0 if a is None else a, 1.0 if beta is None else beta).numpy()
    if kind == "elu":
        return F.elu(t, 1.0 if a is None else a).numpy()
    if kind == "selu":
        return F.selu(t).numpy()
    if kind == "celu":
        return F.celu(t, 1.0 if a is None else a).numpy()
    if kind == "gelu_tanh":
        return F.gelu(t, approximate="tanh").numpy()
    if kind == "gelu_erf":
        return F.gelu(t).numpy()
    if kind == "sigmoid":
        return torch.sigmoid(t).numpy()
    if kind == "tanh":
        return torch.tanh(t).numpy()
    if kind == "silu":
        return F.silu(t).numpy()
    if kind == "softplus":
        # threshold=20 is torch's default linear cut-off (beta*x > 20 returns x).
        return F.softplus(t, beta=1.0 if a is None else a).numpy()
    if kind == "mish":
        return F.mish(t).numpy()
    if kind == "hardsigmoid":
        return F.hardsigmoid(t).numpy()
    if kind == "hardswish":
        return F.hardswish(t).numpy()
    if kind == "softsign":
        return F.softsign(t).numpy()
    if kind == "logsigmoid":
        return F.logsigmoid(t).numpy()
    if kind == "swish":
        return (t * torch.sigmoid((1.0 if a is None else a) * t)).numpy()
    raise KeyError(kind)


def _ordered(a):
    """float32 -> int64 keys whose difference counts representable floats between them."""
    i = np.asarray(a, np.float32).view(np.int32).astype(np.int64)
    return np.where(i < 0, -(i & 0x7FFFFFFF), i)


def ulp_distance(got, ref64_):
    """|got - round_to_float32(ref)| in float32 ULP steps, elementwise (int64).

    +0 and -0 are the same point; two infinities of the same sign are 0 apart; NaN
    positions must be checked separately (they are reported as 0 here when both are NaN,
    and as a huge distance when only one is).
    """
    g = np.asarray(got, np.float32)
    with np.errstate(over="ignore"):
        r = np.asarray(ref64_, np.float64).astype(np.float32)
    d = np.abs(_ordered(g) - _ordered(r))
    gn, rn = np.isnan(g), np.isnan(r)
    d = np.where(gn & rn, 0, d)
    d = np.where(gn ^ rn, 1 << 40, d)
    return d


# ULP bounds. act.h states them per kind and per ISA ("Maximum error in ULP"); the tests
# read that table, so they enforce the contract as written, for the ISA whose kernel serves
# the kind (act_kernel_isa). If the header is not found (ACT_HEADER overrides its path) or
# its table cannot be read, the fallback is 0 ULP for the exact kinds and 2 for the others.
EXACT = ("relu", "leaky_relu", "prelu", "bounded_relu", "relu6", "hardtanh")
FALLBACK_ULP = 2
HEADER = os.environ.get("ACT_HEADER") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "include", "act", "act.h")


def header_bounds(path, kinds):
    """{kind: {isa: bound}} from act.h's table, or None if it cannot be read."""
    try:
        with open(path) as f:
            text = f.read()
    except OSError:
        return None
    start = text.find("Maximum error in ULP")
    if start < 0:
        return None
    block = text[start:text.find("*/", start)].splitlines()
    columns, pending, default, bounds = None, [], None, {}
    known = set(kinds)
    for line in block:
        words = line.strip(" *\t").split()
        if not words:
            continue
        if columns is None:
            if words[0] == "kind" and "scalar" in words:
                columns = words[1:]
            continue
        nums = [int(w) for w in re.findall(r"(?<![\w.])\d+(?![\w.])", line)]
        if line.strip(" *\t").startswith("every other kind"):
            if nums:
                default = {isa: max(nums) for isa in columns}
            continue
        pending += [w for w in words if w in known]
        if nums:
            per = dict(zip(columns, nums)) if len(nums) == len(columns) else {i: max(nums) for i in columns}
            for k in pending:
                bounds[k] = per
            pending = []
    if columns is None:
        return None
    for k in known:
        if k not in bounds:
            if default is None:
                return None
            bounds[k] = default
    return bounds


_BOUNDS = {}


def max_ulp(kind, isa=None):
    """The bound for kind served by isa (a name; None: any ISA, the largest)."""
    if "table" not in _BOUNDS:
        import libact
        _BOUNDS["table"] = header_bounds(HEADER, [k.c_name for k in libact.Kind])
    table = _BOUNDS["table"]
    if table is None or kind not in table:
        return 0 if kind in EXACT else FALLBACK_ULP
    per = table[kind]
    if isa in per:
        return per[isa]
    return max(per.values())


def sample_inputs(seed=1234, n_random=40000):
    """float32 inputs: a dense grid over [-30, 30], random bit patterns over the whole
    float range (denormals included), and the special values."""
    rng = np.random.default_rng(seed)
    grid = np.linspace(-30, 30, 24001, dtype=np.float32)
    bits = rng.integers(0, 1 << 32, size=n_random, dtype=np.uint64).astype(np.uint32).view(np.float32)
    bits = bits[~np.isnan(bits)]
    mags = (10.0 ** rng.uniform(-8, 2.2, size=n_random)).astype(np.float32)
    mags = np.concatenate([mags, -mags])
    fmax = np.finfo(np.float32).max
    tiny = np.finfo(np.float32).tiny
    specials = np.array(
        [0.0, -0.0, np.inf, -np.inf, fmax, -fmax, tiny, -tiny, 1e-45, -1e-45, 1.0, -1.0,
         3.0, -3.0, 6.0, -6.0, 20.0, -20.0, 88.7, -88.7, 100.0, -100.0, 1e30, -1e30],
        dtype=np.float32,
    )
    return np.concatenate([grid, bits, mags, specials]).astype(np.float32)
