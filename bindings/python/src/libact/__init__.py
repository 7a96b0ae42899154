"""libact: SIMD neural-network activation functions (Python binding over ctypes).

    >>> import numpy as np, libact
    >>> x = np.linspace(-3, 3, 7, dtype=np.float32)
    >>> libact.apply("gelu_tanh", x)            # a new array of x's type
    >>> libact.apply(libact.Kind.ELU, x, out=x, alpha=0.5)   # in place

``x`` (and ``out``, ``slopes``) is any C-contiguous float32 buffer: a numpy array, a
torch CPU tensor, an ``array.array('f')``, a ``memoryview`` of format 'f'. Nothing is
ever copied or converted: a wrong dtype, a non-contiguous layout, a shape mismatch or a
tensor on another device raises TypeError/ValueError before the library is called.
Errors the C library reports raise :class:`libact.Error` (``.code``, ``.message``).

The GIL is released while the C library computes (the library is opened with
``ctypes.CDLL``), so several Python threads can run activations at the same time.

The C library is found through ``ACT_LIBRARY`` (a path), a copy next to this package,
or the system loader; see ``libact._lib``.
"""

import enum
import sys
from array import array as _array

from . import _lib

__all__ = [
    "Kind",
    "Isa",
    "Status",
    "Error",
    "apply",
    "info",
    "kinds",
    "set_max_isa",
    "library_path",
    "__version__",
]

__version__ = "1.0.0"  # version of this binding; info()["version"] is the C library's

_C, library_path = _lib.load()


class Kind(enum.IntEnum):
    """enum act_kind; values are the C values, fixed forever."""

    RELU = 1
    LEAKY_RELU = 2
    PRELU = 3
    BOUNDED_RELU = 4
    RELU6 = 5
    HARDTANH = 6
    ELU = 7
    SELU = 8
    CELU = 9
    GELU_TANH = 10
    GELU_ERF = 11
    SIGMOID = 12
    TANH = 13
    SILU = 14
    SOFTPLUS = 15
    MISH = 16
    HARDSIGMOID = 17
    HARDSWISH = 18
    SOFTSIGN = 19
    LOGSIGMOID = 20
    SWISH = 21

    @property
    def c_name(self):
        """The library's name for the kind ("gelu_tanh"), as act_kind_name() spells it."""
        return self.name.lower()


class Isa(enum.IntEnum):
    """enum act_isa."""

    SCALAR = 1
    SSE2 = 2
    AVX2 = 3
    AVX512 = 4
    NEON = 5


class Status(enum.IntEnum):
    """The act_status codes (ACT_OK, ACT_ERR_*)."""

    OK = 0
    ERR_NULL = -1
    ERR_KIND = -2
    ERR_PARAM = -3
    ERR_OVERLAP = -4
    ERR_ISA = -5
    ERR_SIZE = -6
    ERR_LENGTH = -7


class Error(Exception):
    """An error status returned by the C library.

    ``code`` is the negative ACT_ERR_* value, ``message`` the act_strerror() text.
    """

    def __init__(self, code, function="act_apply", detail=None):
        self.code = int(code)
        self.message = _C.act_strerror(self.code).decode()
        try:
            name = "ACT_" + Status(self.code).name
        except ValueError:
            name = "status %d" % self.code
        text = "%s: %s (%s = %d)" % (function, self.message, name, self.code)
        if detail:
            text += "; " + detail
        super().__init__(text)


# Which keyword parameters each kind reads (the act_params members of act.h's table).
# Passing one a kind does not read is a ValueError: softplus(beta=2) would otherwise be
# silently ignored (softplus's sharpness is alpha, as in act_params).
_KIND_PARAMS = {
    Kind.LEAKY_RELU: ("alpha",),
    Kind.PRELU: ("slopes", "inner"),
    Kind.BOUNDED_RELU: ("alpha",),
    Kind.HARDTANH: ("alpha", "beta"),
    Kind.ELU: ("alpha",),
    Kind.CELU: ("alpha",),
    Kind.SOFTPLUS: ("alpha",),
    Kind.SWISH: ("alpha",),
}

_PARAM_MEANING = {
    Kind.LEAKY_RELU: "alpha = negative slope",
    Kind.PRELU: "slopes = per-channel slopes, inner = elements per channel run",
    Kind.BOUNDED_RELU: "alpha = bound",
    Kind.HARDTANH: "alpha = min, beta = max",
    Kind.ELU: "alpha",
    Kind.CELU: "alpha",
    Kind.SOFTPLUS: "alpha = beta (sharpness)",
    Kind.SWISH: "alpha = beta",
}

_F32_FORMATS = ("f", "=f", "@f", "<f" if sys.byteorder == "little" else ">f")


def _kind_value(kind):
    """A Kind member for known kinds, or a plain int passed through to the library."""
    if isinstance(kind, Kind):
        return kind
    if isinstance(kind, str):
        try:
            return Kind[kind.upper()]
        except KeyError:
            pass
        v = _C.act_kind_from_name(kind.encode())  # a kind newer than this binding
        if v:
            return int(v)
        raise ValueError("unknown activation %r; known: %s" % (kind, ", ".join(kinds())))
    if isinstance(kind, bool) or not isinstance(kind, int):
        raise TypeError("kind must be a name, a libact.Kind or an int, not %s" % type(kind).__name__)
    try:
        return Kind(kind)
    except ValueError:
        return int(kind)  # the library answers ACT_ERR_KIND for values it does not know


def _torch_module(obj):
    torch = sys.modules.get("torch")
    if torch is not None and isinstance(obj, torch.Tensor):
        return torch
    return None


class _Operand:
    """A validated float32 operand: shape, element count, address; holds the memory."""

    __slots__ = ("shape", "n", "address", "_mv", "_view", "_keep")

    def __init__(self, obj, role, writable):
        self._mv = self._view = None
        self._keep = obj
        torch = _torch_module(obj)
        if torch is not None:
            if obj.dtype != torch.float32:
                raise TypeError(
                    "%s: torch tensor of dtype %s; libact needs torch.float32 "
                    "(convert explicitly, e.g. .float())" % (role, obj.dtype)
                )
            if obj.layout != torch.strided:
                raise TypeError("%s: %s tensor; libact needs a dense (strided) tensor" % (role, obj.layout))
            if obj.device.type != "cpu":
                raise ValueError(
                    "%s: tensor on device %s; libact needs a CPU tensor (move it with .cpu())"
                    % (role, obj.device)
                )
            if not obj.is_contiguous():
                raise ValueError(
                    "%s: tensor is not contiguous (strides %s); pass .contiguous()" % (role, tuple(obj.stride()))
                )
            if getattr(obj, "is_neg", None) is not None and obj.is_neg():
                raise ValueError("%s: tensor has its negative bit set; pass .resolve_neg()" % role)
            if writable and obj.requires_grad:
                raise ValueError(
                    "%s: tensor requires grad; libact writes it without autograd (use .detach() "
                    "or torch.no_grad-created tensors)" % role
                )
            self.shape = tuple(obj.shape)
            self.n = obj.numel()
            self.address = obj.data_ptr() if self.n else None
            return
        try:
            mv = memoryview(obj)
        except TypeError:
            raise TypeError(
                "%s: %s is not a buffer; libact takes float32 numpy arrays, torch CPU tensors, "
                "array('f') and other float32 buffers" % (role, type(obj).__name__)
            ) from None
        if mv.format not in _F32_FORMATS or mv.itemsize != 4:
            dt = getattr(obj, "dtype", None)
            what = ("dtype %s" % dt) if dt is not None else ("buffer format %r" % mv.format)
            mv.release()
            raise TypeError(
                "%s: %s; libact needs native float32 (buffer format 'f'); nothing is converted "
                "implicitly (e.g. x.astype(numpy.float32))" % (role, what)
            )
        if not mv.c_contiguous:
            strides = mv.strides
            mv.release()
            raise ValueError(
                "%s: memory is not C-contiguous (strides %s); pass a contiguous copy "
                "(numpy.ascontiguousarray)" % (role, strides)
            )
        if writable and mv.readonly:
            mv.release()
            raise ValueError("%s: buffer is read-only" % role)
        self._mv = mv
        self.shape = tuple(mv.shape)
        self.n = mv.nbytes // 4
        self._view = _lib.BufferView(mv, writable)
        self.address = self._view.address if self.n else None

    def release(self):
        if self._view is not None:
            self._view.release()
            self._view = None
        if self._mv is not None:
            self._mv.release()
            self._mv = None


def _new_like(x, shape, n):
    torch = _torch_module(x)
    if torch is not None:
        return torch.empty_like(x, memory_format=torch.contiguous_format)
    np = sys.modules.get("numpy")
    if np is not None and isinstance(x, np.ndarray):
        return np.empty_like(x, order="C")
    if isinstance(x, _array):
        return _array("f", bytes(4 * n))
    if isinstance(x, memoryview):
        mv = memoryview(bytearray(4 * n))
        return mv.cast("f", shape) if len(shape) > 1 else mv.cast("f")
    raise TypeError("cannot create an output of type %s; pass out=" % type(x).__name__)


def _build_params(kind, alpha, beta, slopes, inner):
    """act_params for the call (None when no parameter is given), and the held slopes."""
    given = [k for k, v in (("alpha", alpha), ("beta", beta), ("slopes", slopes), ("inner", inner)) if v is not None]
    if not given:
        return None, None
    if isinstance(kind, Kind):
        allowed = _KIND_PARAMS.get(kind, ())
        extra = [g for g in given if g not in allowed]
        if extra:
            if allowed:
                hint = "%s takes %s" % (kind.c_name, _PARAM_MEANING[kind])
            else:
                hint = "%s takes no parameters" % kind.c_name
            raise ValueError("%s given; %s" % (", ".join(extra), hint))
    p = _lib.act_params()
    st = _C.act_params_default(int(kind), p, _lib.ctypes.sizeof(p))
    if st:
        raise Error(st, "act_params_default")
    for name, v in (("alpha", alpha), ("beta", beta)):
        if v is not None:
            if isinstance(v, (bool, str, bytes)) or not hasattr(v, "__float__"):
                raise TypeError("%s must be a number, not %s" % (name, type(v).__name__))
            setattr(p, name, float(v))  # rounded to float32, as the C member is
    if inner is not None:
        if isinstance(inner, bool) or not hasattr(inner, "__index__"):
            raise TypeError("inner must be an int, not %s" % type(inner).__name__)
        inner = inner.__index__()
        if inner < 0 or inner >= 1 << (8 * _lib.ctypes.sizeof(_lib.ctypes.c_size_t)):
            raise ValueError("inner must be >= 1 (got %d)" % inner)
        p.inner = inner
    held = None
    if slopes is not None:
        held = _Operand(slopes, "slopes", writable=False)
        p.slopes = _lib.ctypes.cast(held.address, _lib.ctypes.POINTER(_lib.ctypes.c_float))
        p.channels = held.n
    return p, held


def apply(kind, x, out=None, *, alpha=None, beta=None, slopes=None, inner=None):
    """out[i] = f(x[i]) for the activation ``kind``; returns ``out``.

    kind:   a name ("gelu_tanh"), a :class:`Kind`, or an int (passed to the library as is).
    x:      C-contiguous float32 buffer (numpy array, torch CPU tensor, array('f'), ...).
    out:    same shape, C-contiguous, writable float32; None makes a new one of x's type
            (numpy.empty_like, torch.empty_like, array('f')). ``out=x`` computes in place;
            any other overlap of x and out raises Error(ACT_ERR_OVERLAP).
    alpha, beta: act_params.alpha/.beta (rounded to float32). Their meaning per kind:
            leaky_relu alpha = negative slope (0.01); bounded_relu alpha = bound (6);
            hardtanh alpha = min (-1), beta = max (1); elu/celu alpha (1);
            softplus alpha = beta, the sharpness (1); swish alpha = beta (1).
    slopes: prelu's per-channel slopes, a float32 buffer; channels = its element count.
    inner:  prelu: elements per channel run (element i uses slopes[(i // inner) % channels]);
            for NCHW data, inner = H*W.

    A parameter the kind does not read is a ValueError. Errors the library reports
    (e.g. NaN alpha, missing slopes) raise :class:`Error`; then nothing was written.
    """
    k = _kind_value(kind)
    params, held_slopes = _build_params(k, alpha, beta, slopes, inner)
    xin = xout = None
    try:
        xin = _Operand(x, "x", writable=False)
        if out is None:
            out = _new_like(x, xin.shape, xin.n)
        xout = _Operand(out, "out", writable=True)
        if xout.shape != xin.shape:
            raise ValueError("out has shape %s, x has shape %s" % (xout.shape, xin.shape))
        # The GIL is released during this call (CDLL).
        st = _C.act_apply(int(k), params, xin.address, xout.address, xin.n)
        if st:
            name = k.c_name if isinstance(k, Kind) else str(k)
            raise Error(st, "act_apply(%s)" % name)
        return out
    finally:
        for h in (xout, xin, held_slopes):
            if h is not None:
                h.release()


def kinds():
    """Names of the kinds the loaded library knows, in enum order ("relu", ...)."""
    names = []
    v = 1
    while True:
        s = _C.act_kind_name(v)
        if not s:
            return names
        names.append(s.decode())
        v += 1


def _isa_value(isa):
    if isinstance(isa, Isa):
        return isa
    if isinstance(isa, str):
        v = _C.act_isa_from_name(isa.encode())
        if not v:
            raise ValueError("unknown ISA %r; known: scalar, sse2, avx2, avx512, neon" % isa)
        return Isa(v)
    if isinstance(isa, int) and not isinstance(isa, bool):
        return Isa(isa)
    raise TypeError("isa must be a name or a libact.Isa, not %s" % type(isa).__name__)


def _isa_name(v):
    s = _C.act_isa_name(v)
    return s.decode() if s else None


def available_isas():
    """Names of the ISAs this CPU and build can run, lowest first."""
    return [i.name.lower() for i in Isa if _C.act_isa_available(int(i))]


def set_max_isa(isa):
    """Cap the ISA act_apply uses, process-wide ("scalar", "sse2", "avx2", "avx512", "neon").

    ``None`` removes the cap (caps at the best available ISA). An ISA this machine
    cannot run raises Error(ACT_ERR_ISA) and leaves the cap unchanged.
    """
    if isa is None:
        isa = max(i for i in Isa if _C.act_isa_available(int(i)))
    v = _isa_value(isa)
    st = _C.act_set_max_isa(int(v))
    if st:
        raise Error(st, "act_set_max_isa(%s)" % v.name.lower())


def info():
    """A dict describing the loaded library.

    version, version_number: act_version_string(), act_version();
    library: where it was loaded from; binding: this package's version;
    isas: available ISAs; active_isa: act_active_isa();
    kernel_isa: {kind name: ISA of the kernel act_apply uses for it now} (act_kernel_isa).
    """
    kernel = {}
    for v, name in enumerate(kinds(), start=1):
        kernel[name] = _isa_name(_C.act_kernel_isa(v))
    return {
        "version": _C.act_version_string().decode(),
        "version_number": int(_C.act_version()),
        "library": library_path,
        "binding": __version__,
        "isas": available_isas(),
        "active_isa": _isa_name(_C.act_active_isa()),
        "kernel_isa": kernel,
    }
