//! Raw declarations of libact's C API, `include/act/act.h` (ABI 1, `libact.so.1`).
//!
//! Everything here is `unsafe` to call and mirrors the header one to one; the `act` crate
//! is the safe API. C enums are plain `c_int` aliases with constants, so a value a newer
//! library returns (a kind or ISA appended later) is never undefined behaviour here.
//!
//! Linking: see `build.rs` (`ACT_LIB_DIR`, then `pkg-config act`, then the system).
#![allow(non_camel_case_types)]

use std::os::raw::{c_char, c_int, c_uint};

/// `ACT_VERSION_MAJOR` etc.: the header version these declarations follow.
pub const ACT_VERSION_MAJOR: c_uint = 1;
pub const ACT_VERSION_MINOR: c_uint = 0;
pub const ACT_VERSION_PATCH: c_uint = 0;

/// `enum act_kind`: values are fixed forever; new kinds are appended.
pub type act_kind = c_int;
pub const ACT_RELU: act_kind = 1;
pub const ACT_LEAKY_RELU: act_kind = 2;
pub const ACT_PRELU: act_kind = 3;
pub const ACT_BOUNDED_RELU: act_kind = 4;
pub const ACT_RELU6: act_kind = 5;
pub const ACT_HARDTANH: act_kind = 6;
pub const ACT_ELU: act_kind = 7;
pub const ACT_SELU: act_kind = 8;
pub const ACT_CELU: act_kind = 9;
pub const ACT_GELU_TANH: act_kind = 10;
pub const ACT_GELU_ERF: act_kind = 11;
pub const ACT_SIGMOID: act_kind = 12;
pub const ACT_TANH: act_kind = 13;
pub const ACT_SILU: act_kind = 14;
pub const ACT_SOFTPLUS: act_kind = 15;
pub const ACT_MISH: act_kind = 16;
pub const ACT_HARDSIGMOID: act_kind = 17;
pub const ACT_HARDSWISH: act_kind = 18;
pub const ACT_SOFTSIGN: act_kind = 19;
pub const ACT_LOGSIGMOID: act_kind = 20;
pub const ACT_SWISH: act_kind = 21;
/// `ACT_KIND_COUNT`: kinds are `1..=ACT_KIND_COUNT` in this header version.
pub const ACT_KIND_COUNT: c_int = 21;

/// `enum act_status`: `ACT_OK` is 0, every error is negative.
pub type act_status = c_int;
pub const ACT_OK: act_status = 0;
pub const ACT_ERR_NULL: act_status = -1;
pub const ACT_ERR_KIND: act_status = -2;
pub const ACT_ERR_PARAM: act_status = -3;
pub const ACT_ERR_OVERLAP: act_status = -4;
pub const ACT_ERR_ISA: act_status = -5;
pub const ACT_ERR_SIZE: act_status = -6;
pub const ACT_ERR_LENGTH: act_status = -7;

/// `enum act_isa`.
pub type act_isa = c_int;
pub const ACT_ISA_SCALAR: act_isa = 1;
pub const ACT_ISA_SSE2: act_isa = 2;
pub const ACT_ISA_AVX2: act_isa = 3;
pub const ACT_ISA_AVX512: act_isa = 4;
pub const ACT_ISA_NEON: act_isa = 5;

/// `struct act_params`, version 1.0 (40 bytes on LP64). Fill it with
/// [`act_params_default`], then change members; `size` must stay
/// `size_of::<act_params>()`.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct act_params {
    pub size: usize,
    pub alpha: f32,
    pub beta: f32,
    pub slopes: *const f32,
    pub channels: usize,
    pub inner: usize,
}

extern "C" {
    /// `out[i] = f(in[i])` for `i < n`; `in == out` is in place, other overlap is
    /// `ACT_ERR_OVERLAP`; `params` NULL means the kind's defaults. On error nothing is
    /// written. Thread-safe.
    pub fn act_apply(
        kind: act_kind,
        params: *const act_params,
        in_: *const f32,
        out: *mut f32,
        n: usize,
    ) -> c_int;
    pub fn act_params_default(kind: act_kind, p: *mut act_params, size: usize) -> c_int;
    /// Never NULL; a static string.
    pub fn act_strerror(status: c_int) -> *const c_char;
    pub fn act_isa_available(isa: act_isa) -> c_int;
    pub fn act_active_isa() -> act_isa;
    pub fn act_kernel_isa(kind: act_kind) -> act_isa;
    pub fn act_set_max_isa(isa: act_isa) -> c_int;
    /// NULL for an unknown ISA.
    pub fn act_isa_name(isa: act_isa) -> *const c_char;
    pub fn act_isa_from_name(name: *const c_char) -> act_isa;
    /// NULL for an unknown kind.
    pub fn act_kind_name(kind: act_kind) -> *const c_char;
    pub fn act_kind_from_name(name: *const c_char) -> act_kind;
    pub fn act_version() -> c_uint;
    pub fn act_version_string() -> *const c_char;
}

/// Every `ACT_*` constant above with its C name, for checking against the header.
pub const CONSTANTS: &[(&str, c_int)] = &[
    ("ACT_RELU", ACT_RELU),
    ("ACT_LEAKY_RELU", ACT_LEAKY_RELU),
    ("ACT_PRELU", ACT_PRELU),
    ("ACT_BOUNDED_RELU", ACT_BOUNDED_RELU),
    ("ACT_RELU6", ACT_RELU6),
    ("ACT_HARDTANH", ACT_HARDTANH),
    ("ACT_ELU", ACT_ELU),
    ("ACT_SELU", ACT_SELU),
    ("ACT_CELU", ACT_CELU),
    ("ACT_GELU_TANH", ACT_GELU_TANH),
    ("ACT_GELU_ERF", ACT_GELU_ERF),
    ("ACT_SIGMOID", ACT_SIGMOID),
    ("ACT_TANH", ACT_TANH),
    ("ACT_SILU", ACT_SILU),
    ("ACT_SOFTPLUS", ACT_SOFTPLUS),
    ("ACT_MISH", ACT_MISH),
    ("ACT_HARDSIGMOID", ACT_HARDSIGMOID),
    ("ACT_HARDSWISH", ACT_HARDSWISH),
    ("ACT_SOFTSIGN", ACT_SOFTSIGN),
    ("ACT_LOGSIGMOID", ACT_LOGSIGMOID),
    ("ACT_SWISH", ACT_SWISH),
    ("ACT_KIND_COUNT", ACT_KIND_COUNT),
    ("ACT_OK", ACT_OK),
    ("ACT_ERR_NULL", ACT_ERR_NULL),
    ("ACT_ERR_KIND", ACT_ERR_KIND),
    ("ACT_ERR_PARAM", ACT_ERR_PARAM),
    ("ACT_ERR_OVERLAP", ACT_ERR_OVERLAP),
    ("ACT_ERR_ISA", ACT_ERR_ISA),
    ("ACT_ERR_SIZE", ACT_ERR_SIZE),
    ("ACT_ERR_LENGTH", ACT_ERR_LENGTH),
    ("ACT_ISA_SCALAR", ACT_ISA_SCALAR),
    ("ACT_ISA_SSE2", ACT_ISA_SSE2),
    ("ACT_ISA_AVX2", ACT_ISA_AVX2),
    ("ACT_ISA_AVX512", ACT_ISA_AVX512),
    ("ACT_ISA_NEON", ACT_ISA_NEON),
    ("ACT_VERSION_MAJOR", ACT_VERSION_MAJOR as c_int),
    ("ACT_VERSION_MINOR", ACT_VERSION_MINOR as c_int),
    ("ACT_VERSION_PATCH", ACT_VERSION_PATCH as c_int),
];
