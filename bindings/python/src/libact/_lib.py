"""Loading libact.so.1 and declaring its C API (include/act/act.h) for ctypes.

Search order, first hit wins:
  1. the path in the environment variable ACT_LIBRARY (if set, nothing else is tried);
  2. a copy of the library next to this package (``libact/libact.so.1``), as
     ``pip install`` puts it there when ACT_LIBRARY was set at install time;
  3. the system loader: ``libact.so.1`` through dlopen's own search
     (LD_LIBRARY_PATH, the ldconfig cache, /usr/lib, /usr/local/lib after ldconfig).

The library is opened with ``ctypes.CDLL``: every call into it releases the GIL for
its duration (ctypes does that for CDLL functions, as opposed to ``ctypes.PyDLL``),
so act_apply() on a large array lets other Python threads run.
"""

import ctypes
import os
import sys

# The ABI major this binding is written against (the SONAME's number).
ABI_MAJOR = 1

if sys.platform == "darwin":
    _SONAMES = ("libact.1.dylib", "libact.dylib")
elif sys.platform == "win32":
    _SONAMES = ("act.dll", "libact.dll")
else:
    _SONAMES = ("libact.so.1",)


class act_params(ctypes.Structure):
    """struct act_params, version 1.0 (40 bytes on LP64)."""

    _fields_ = [
        ("size", ctypes.c_size_t),
        ("alpha", ctypes.c_float),
        ("beta", ctypes.c_float),
        ("slopes", ctypes.POINTER(ctypes.c_float)),
        ("channels", ctypes.c_size_t),
        ("inner", ctypes.c_size_t),
    ]


def _declare(lib):
    c_int, c_uint, c_char_p, c_size_t, c_void_p = (
        ctypes.c_int,
        ctypes.c_uint,
        ctypes.c_char_p,
        ctypes.c_size_t,
        ctypes.c_void_p,
    )
    sigs = {
        # int act_apply(act_kind, const act_params *, const float *, float *, size_t)
        "act_apply": (c_int, [c_int, ctypes.POINTER(act_params), c_void_p, c_void_p, c_size_t]),
        "act_params_default": (c_int, [c_int, ctypes.POINTER(act_params), c_size_t]),
        "act_strerror": (c_char_p, [c_int]),
        "act_isa_available": (c_int, [c_int]),
        "act_active_isa": (c_int, []),
        "act_kernel_isa": (c_int, [c_int]),
        "act_set_max_isa": (c_int, [c_int]),
        "act_isa_name": (c_char_p, [c_int]),
        "act_isa_from_name": (c_int, [c_char_p]),
        "act_kind_name": (c_char_p, [c_int]),
        "act_kind_from_name": (c_int, [c_char_p]),
        "act_version": (c_uint, []),
        "act_version_string": (c_char_p, []),
    }
    for name, (restype, argtypes) in sigs.items():
        fn = getattr(lib, name)  # AttributeError: not a libact 1.x
        fn.restype = restype
        fn.argtypes = argtypes
    return lib


def _candidates():
    """(description, path-or-name) pairs in search order."""
    env = os.environ.get("ACT_LIBRARY")
    if env:
        return [("ACT_LIBRARY=" + env, env)]
    here = os.path.dirname(os.path.abspath(__file__))
    out = []
    for so in _SONAMES:
        p = os.path.join(here, so)
        out.append(("next to the package: " + p, p))
    for so in _SONAMES:
        out.append(("system loader: " + so, so))
    return out


def load():
    """Open libact and declare its functions; returns (CDLL, path or name it came from).

    Raises ImportError naming every place tried and why each failed.
    """
    tried = []
    for desc, path in _candidates():
        if os.sep in path and not os.path.exists(path):
            tried.append("%s (no such file)" % desc)
            continue
        try:
            lib = ctypes.CDLL(path)
        except OSError as e:
            tried.append("%s (%s)" % (desc, e))
            continue
        try:
            _declare(lib)
        except AttributeError as e:
            tried.append("%s (not libact: %s)" % (desc, e))
            continue
        major = lib.act_version() // 10000
        if major != ABI_MAJOR:
            tried.append("%s (libact ABI %d, this binding needs %d)" % (desc, major, ABI_MAJOR))
            continue
        return lib, path
    raise ImportError(
        "libact: could not load the C library libact.so.1; tried:\n  - "
        + "\n  - ".join(tried)
        + "\nSet ACT_LIBRARY to the full path of libact.so.1 (for example "
        "build/libact.so.1 after `cmake --build build`), or install libact system-wide."
    )


# --- the buffer protocol, through the C API ------------------------------------------------
# PyObject_GetBuffer gives the address of any buffer, read-only ones included (ctypes'
# from_buffer() refuses those), and holds the exporter (no numpy resize) until released.

PyBUF_WRITABLE = 0x0001
PyBUF_FORMAT = 0x0004
PyBUF_ND = 0x0008
PyBUF_STRIDES = 0x0010 | PyBUF_ND
PyBUF_C_CONTIGUOUS = 0x0020 | PyBUF_STRIDES


class Py_buffer(ctypes.Structure):
    _fields_ = [
        ("buf", ctypes.c_void_p),
        ("obj", ctypes.c_void_p),
        ("len", ctypes.c_ssize_t),
        ("itemsize", ctypes.c_ssize_t),
        ("readonly", ctypes.c_int),
        ("ndim", ctypes.c_int),
        ("format", ctypes.c_char_p),
        ("shape", ctypes.c_void_p),
        ("strides", ctypes.c_void_p),
        ("suboffsets", ctypes.c_void_p),
        ("internal", ctypes.c_void_p),
    ]


_GetBuffer = ctypes.pythonapi.PyObject_GetBuffer
_GetBuffer.restype = ctypes.c_int
_GetBuffer.argtypes = [ctypes.py_object, ctypes.POINTER(Py_buffer), ctypes.c_int]
_ReleaseBuffer = ctypes.pythonapi.PyBuffer_Release
_ReleaseBuffer.restype = None
_ReleaseBuffer.argtypes = [ctypes.POINTER(Py_buffer)]


class BufferView:
    """A held C-contiguous export of ``obj``; ``.address``; release() or use as context."""

    __slots__ = ("_view", "_held", "address")

    def __init__(self, obj, writable):
        self._view = Py_buffer()
        flags = PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (PyBUF_WRITABLE if writable else 0)
        _GetBuffer(obj, ctypes.byref(self._view), flags)  # raises BufferError on failure
        self._held = True
        self.address = self._view.buf or None

    def release(self):
        if self._held:
            self._held = False
            _ReleaseBuffer(ctypes.byref(self._view))

    def __del__(self):
        self.release()
