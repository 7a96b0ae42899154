//! Safe Rust API of libact: SIMD neural-network activation functions.
//!
//! ```no_run
//! use act::{apply, apply_inplace, apply_with, Kind, Params};
//!
//! let x = [-2.0f32, -0.5, 0.0, 0.5, 2.0];
//! let mut y = [0.0f32; 5];
//! apply(Kind::GeluTanh, &x, &mut y)?;
//!
//! let mut z = x;
//! apply_inplace(Kind::Silu, &mut z)?;
//!
//! // parameters: act_params' alpha/beta/slopes/inner, meaning per kind (see Params)
//! apply_with(Kind::Elu, &Params::new().alpha(0.5), &x, &mut y)?;
//! # Ok::<(), act::Error>(())
//! ```
//!
//! Every function is thread-safe. Results are within the ULP bounds `act.h` states for
//! each kind; NaN in gives NaN out; on error nothing is written to the output.
//!
//! Linking: the `act-sys` crate links `libact.so` found through `ACT_LIB_DIR`, then
//! `pkg-config act`, then the system's default paths.

use act_sys as sys;
use std::ffi::{CStr, CString};
use std::fmt;
use std::os::raw::{c_char, c_int};
use std::ptr;
use std::str::FromStr;

/// The activation function (`enum act_kind`; the discriminants are the C values).
#[repr(i32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Kind {
    /// `x > 0 ? x : +0`. Exact.
    Relu = 1,
    /// `x > 0 ? x : alpha*x`; alpha = negative slope, default 0.01. Exact.
    LeakyRelu = 2,
    /// As LeakyRelu with alpha = `slopes[(i / inner) % slopes.len()]`. Exact.
    Prelu = 3,
    /// `min(max(x, 0), alpha)`, alpha default 6, >= 0. Exact.
    BoundedRelu = 4,
    /// `min(max(x, 0), 6)`. Exact.
    Relu6 = 5,
    /// `min(max(x, alpha), beta)`, defaults -1 and 1. Exact.
    Hardtanh = 6,
    /// `x > 0 ? x : alpha*expm1(x)`, alpha default 1.
    Elu = 7,
    /// PyTorch's SELU constants.
    Selu = 8,
    /// `max(0,x) + min(0, alpha*expm1(x/alpha))`, alpha default 1, != 0.
    Celu = 9,
    /// `0.5x(1 + tanh(sqrt(2/pi)(x + 0.044715x^3)))`.
    GeluTanh = 10,
    /// `0.5x(1 + erf(x/sqrt 2))`.
    GeluErf = 11,
    /// `1/(1 + exp(-x))`.
    Sigmoid = 12,
    /// `tanh(x)`.
    Tanh = 13,
    /// `x*sigmoid(x)`.
    Silu = 14,
    /// `log(1 + exp(alpha*x))/alpha`, alpha (torch's beta) default 1, > 0; no cut-off.
    Softplus = 15,
    /// `x*tanh(softplus(x))`.
    Mish = 16,
    /// `relu6(x + 3)/6`.
    Hardsigmoid = 17,
    /// `x*relu6(x + 3)/6`.
    Hardswish = 18,
    /// `x/(1 + |x|)`.
    Softsign = 19,
    /// `log(sigmoid(x))`.
    Logsigmoid = 20,
    /// `x*sigmoid(alpha*x)`, alpha (beta) default 1.
    Swish = 21,
}

impl Kind {
    /// Every kind, in C order.
    pub const ALL: [Kind; 21] = [
        Kind::Relu,
        Kind::LeakyRelu,
        Kind::Prelu,
        Kind::BoundedRelu,
        Kind::Relu6,
        Kind::Hardtanh,
        Kind::Elu,
        Kind::Selu,
        Kind::Celu,
        Kind::GeluTanh,
        Kind::GeluErf,
        Kind::Sigmoid,
        Kind::Tanh,
        Kind::Silu,
        Kind::Softplus,
        Kind::Mish,
        Kind::Hardsigmoid,
        Kind::Hardswish,
        Kind::Softsign,
        Kind::Logsigmoid,
        Kind::Swish,
    ];

    const NAMES: [&'static str; 21] = [
        "relu",
        "leaky_relu",
        "prelu",
        "bounded_relu",
        "relu6",
        "hardtanh",
        "elu",
        "selu",
        "celu",
        "gelu_tanh",
        "gelu_erf",
        "sigmoid",
        "tanh",
        "silu",
        "softplus",
        "mish",
        "hardsigmoid",
        "hardswish",
        "softsign",
        "logsigmoid",
        "swish",
    ];

    /// The C value (`ACT_GELU_TANH` is 10).
    pub fn raw(self) -> i32 {
        self as i32
    }

    /// The kind with C value `v`, if this binding knows it.
    pub fn from_raw(v: i32) -> Option<Kind> {
        if v >= 1 && v as usize <= Self::ALL.len() {
            Some(Self::ALL[v as usize - 1])
        } else {
            None
        }
    }

    /// The library's name (`act_kind_name`): `"gelu_tanh"`.
    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize - 1]
    }

    /// The kind called `name` (exact, lower case, as [`Kind::name`] spells it).
    pub fn from_name(name: &str) -> Option<Kind> {
        Self::NAMES
            .iter()
            .position(|n| *n == name)
            .map(|i| Self::ALL[i])
    }

    /// The parameters the kind reads: a subset of `["alpha", "beta", "slopes", "inner"]`.
    pub fn parameters(self) -> &'static [&'static str] {
        match self {
            Kind::LeakyRelu
            | Kind::BoundedRelu
            | Kind::Elu
            | Kind::Celu
            | Kind::Softplus
            | Kind::Swish => &["alpha"],
            Kind::Hardtanh => &["alpha", "beta"],
            Kind::Prelu => &["slopes", "inner"],
            _ => &[],
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Kind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Kind, Error> {
        Kind::from_name(s)
            .ok_or_else(|| Error::binding(ErrorCode::Kind, format!("unknown kind {:?}", s)))
    }
}

/// Instruction-set family (`enum act_isa`). `Other` holds a value this binding does not
/// know (an ISA appended to a newer library).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Isa {
    Scalar,
    Sse2,
    Avx2,
    Avx512,
    Neon,
    Other(i32),
}

impl Isa {
    /// The ISAs this binding knows, in C order.
    pub const KNOWN: [Isa; 5] = [Isa::Scalar, Isa::Sse2, Isa::Avx2, Isa::Avx512, Isa::Neon];

    pub fn raw(self) -> i32 {
        match self {
            Isa::Scalar => sys::ACT_ISA_SCALAR,
            Isa::Sse2 => sys::ACT_ISA_SSE2,
            Isa::Avx2 => sys::ACT_ISA_AVX2,
            Isa::Avx512 => sys::ACT_ISA_AVX512,
            Isa::Neon => sys::ACT_ISA_NEON,
            Isa::Other(v) => v,
        }
    }

    pub fn from_raw(v: i32) -> Isa {
        Isa::KNOWN
            .iter()
            .copied()
            .find(|i| i.raw() == v)
            .unwrap_or(Isa::Other(v))
    }

    /// `"scalar"`, `"sse2"`, `"avx2"`, `"avx512"`, `"neon"` (`act_isa_name`; the
    /// `ACT_MAX_ISA` spelling). `None` for a value the library does not know.
    pub fn name(self) -> Option<&'static str> {
        cstr_static(unsafe { sys::act_isa_name(self.raw()) })
    }

    /// The ISA called `name` (`act_isa_from_name`).
    pub fn from_name(name: &str) -> Option<Isa> {
        let c = CString::new(name).ok()?;
        match unsafe { sys::act_isa_from_name(c.as_ptr()) } {
            0 => None,
            v => Some(Isa::from_raw(v)),
        }
    }

    /// Whether this CPU and build can run it (`act_isa_available`).
    pub fn is_available(self) -> bool {
        unsafe { sys::act_isa_available(self.raw()) != 0 }
    }
}

impl fmt::Display for Isa {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(n) => f.write_str(n),
            None => write!(f, "isa#{}", self.raw()),
        }
    }
}

/// What went wrong: the library's `ACT_ERR_*` statuses, and two the binding checks itself
/// before calling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorCode {
    /// `ACT_ERR_NULL`: a NULL pointer where one is required (PReLU without slopes).
    Null,
    /// `ACT_ERR_KIND`: unknown kind.
    Kind,
    /// `ACT_ERR_PARAM`: a parameter is NaN, infinite or out of range.
    Param,
    /// `ACT_ERR_OVERLAP`: input and output overlap without being equal.
    Overlap,
    /// `ACT_ERR_ISA`: the ISA is not available on this CPU/build.
    Isa,
    /// `ACT_ERR_SIZE`: bad `act_params.size`.
    Size,
    /// `ACT_ERR_LENGTH`: `n * sizeof(float)` does not fit the address space.
    Length,
    /// A negative status this binding does not know.
    Unknown(i32),
    /// Binding: input and output lengths differ (the library is not called).
    LengthMismatch,
    /// Binding: a parameter the kind does not read was set (the library is not called).
    UnusedParameter,
}

impl ErrorCode {
    /// The code for a library status (< 0).
    pub fn from_raw(status: i32) -> ErrorCode {
        match status {
            sys::ACT_ERR_NULL => ErrorCode::Null,
            sys::ACT_ERR_KIND => ErrorCode::Kind,
            sys::ACT_ERR_PARAM => ErrorCode::Param,
            sys::ACT_ERR_OVERLAP => ErrorCode::Overlap,
            sys::ACT_ERR_ISA => ErrorCode::Isa,
            sys::ACT_ERR_SIZE => ErrorCode::Size,
            sys::ACT_ERR_LENGTH => ErrorCode::Length,
            v => ErrorCode::Unknown(v),
        }
    }

    /// The library's status value; `None` for the binding's own checks.
    pub fn raw(self) -> Option<i32> {
        Some(match self {
            ErrorCode::Null => sys::ACT_ERR_NULL,
            ErrorCode::Kind => sys::ACT_ERR_KIND,
            ErrorCode::Param => sys::ACT_ERR_PARAM,
            ErrorCode::Overlap => sys::ACT_ERR_OVERLAP,
            ErrorCode::Isa => sys::ACT_ERR_ISA,
            ErrorCode::Size => sys::ACT_ERR_SIZE,
            ErrorCode::Length => sys::ACT_ERR_LENGTH,
            ErrorCode::Unknown(v) => v,
            ErrorCode::LengthMismatch | ErrorCode::UnusedParameter => return None,
        })
    }
}

/// An error: a code and a message (`act_strerror`'s text for library statuses).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    code: ErrorCode,
    message: String,
}

impl Error {
    fn from_status(status: c_int) -> Error {
        let message = cstr_static(unsafe { sys::act_strerror(status) })
            .unwrap_or("unknown status")
            .to_string();
        Error {
            code: ErrorCode::from_raw(status),
            message,
        }
    }

    fn binding(code: ErrorCode, message: String) -> Error {
        Error { code, message }
    }

    /// What went wrong.
    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// The library's status (`ACT_ERR_*`, negative), or `None` for the binding's checks.
    pub fn raw_code(&self) -> Option<i32> {
        self.code.raw()
    }

    /// `act_strerror(code)`, or the binding's description.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.code.raw() {
            Some(c) => write!(f, "libact: {} (status {})", self.message, c),
            None => write!(f, "libact: {}", self.message),
        }
    }
}

impl std::error::Error for Error {}

fn check(status: c_int) -> Result<(), Error> {
    if status == sys::ACT_OK {
        Ok(())
    } else {
        Err(Error::from_status(status))
    }
}

fn cstr_static(p: *const c_char) -> Option<&'static str> {
    if p.is_null() {
        None
    } else {
        // The library returns static strings (act.h).
        unsafe { CStr::from_ptr(p) }.to_str().ok()
    }
}

/// Parameters of a kind (`struct act_params`), a builder. Unset members keep the kind's
/// defaults (`act_params_default`). Meaning per kind:
///
/// | kind | alpha | beta |
/// |---|---|---|
/// | LeakyRelu | negative slope (0.01) | |
/// | BoundedRelu | bound (6), >= 0 | |
/// | Hardtanh | min (-1) | max (1) |
/// | Elu, Celu | alpha (1); Celu: != 0 | |
/// | Softplus | beta, the sharpness (1), > 0 | |
/// | Swish | beta (1) | |
///
/// Prelu reads `slopes` (channels = `slopes.len()`) and `inner` (elements per channel run:
/// element `i` uses `slopes[(i / inner) % channels]`; for NCHW data `inner = H*W`).
/// Values must be finite. Setting a member the kind does not read is an error
/// ([`ErrorCode::UnusedParameter`]) rather than silently ignored.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Params<'a> {
    alpha: Option<f32>,
    beta: Option<f32>,
    slopes: Option<&'a [f32]>,
    inner: Option<usize>,
}

impl<'a> Params<'a> {
    /// No member set: the kind's defaults.
    pub fn new() -> Params<'a> {
        Params::default()
    }
    pub fn alpha(mut self, alpha: f32) -> Self {
        self.alpha = Some(alpha);
        self
    }
    pub fn beta(mut self, beta: f32) -> Self {
        self.beta = Some(beta);
        self
    }
    /// PReLU slopes, borrowed for the calls that use these parameters.
    pub fn slopes(mut self, slopes: &'a [f32]) -> Self {
        self.slopes = Some(slopes);
        self
    }
    pub fn inner(mut self, inner: usize) -> Self {
        self.inner = Some(inner);
        self
    }

    fn is_empty(&self) -> bool {
        self.alpha.is_none() && self.beta.is_none() && self.slopes.is_none() && self.inner.is_none()
    }

    /// The C struct for `kind`; borrows `self.slopes` through a raw pointer, so the
    /// result must not outlive `self` (it is used within one call).
    fn to_raw(self, kind: Kind) -> Result<sys::act_params, Error> {
        let set: Vec<&str> = [
            ("alpha", self.alpha.is_some()),
            ("beta", self.beta.is_some()),
            ("slopes", self.slopes.is_some()),
            ("inner", self.inner.is_some()),
        ]
        .iter()
        .filter(|(n, s)| *s && !kind.parameters().contains(n))
        .map(|(n, _)| *n)
        .collect();
        if !set.is_empty() {
            let takes = if kind.parameters().is_empty() {
                "no parameters".to_string()
            } else {
                kind.parameters().join(", ")
            };
            return Err(Error::binding(
                ErrorCode::UnusedParameter,
                format!("{} given; {} takes {}", set.join(", "), kind, takes),
            ));
        }
        let mut p = sys::act_params {
            size: 0,
            alpha: 0.0,
            beta: 0.0,
            slopes: ptr::null(),
            channels: 0,
            inner: 0,
        };
        check(unsafe {
            sys::act_params_default(kind.raw(), &mut p, std::mem::size_of::<sys::act_params>())
        })?;
        if let Some(a) = self.alpha {
            p.alpha = a;
        }
        if let Some(b) = self.beta {
            p.beta = b;
        }
        if let Some(s) = self.slopes {
            p.slopes = if s.is_empty() {
                ptr::null()
            } else {
                s.as_ptr()
            };
            p.channels = s.len();
        }
        if let Some(i) = self.inner {
            p.inner = i;
        }
        Ok(p)
    }
}

fn call(
    kind: Kind,
    params: &Params<'_>,
    input: *const f32,
    output: *mut f32,
    n: usize,
) -> Result<(), Error> {
    if params.is_empty() {
        return check(unsafe { sys::act_apply(kind.raw(), ptr::null(), input, output, n) });
    }
    let raw = params.to_raw(kind)?;
    // `params` (and the slopes it borrows) outlives this call.
    check(unsafe { sys::act_apply(kind.raw(), &raw, input, output, n) })
}

/// `output[i] = f(input[i])` with the kind's default parameters.
///
/// Errors: [`ErrorCode::LengthMismatch`] if the lengths differ (checked first), else the
/// library's (e.g. [`ErrorCode::Null`] for Prelu, which needs slopes: use [`apply_with`]).
/// On error `output` is untouched.
pub fn apply(kind: Kind, input: &[f32], output: &mut [f32]) -> Result<(), Error> {
    apply_with(kind, &Params::new(), input, output)
}

/// [`apply`] with parameters.
pub fn apply_with(
    kind: Kind,
    params: &Params<'_>,
    input: &[f32],
    output: &mut [f32],
) -> Result<(), Error> {
    if input.len() != output.len() {
        return Err(Error::binding(
            ErrorCode::LengthMismatch,
            format!(
                "input has {} elements, output {}",
                input.len(),
                output.len()
            ),
        ));
    }
    call(
        kind,
        params,
        input.as_ptr(),
        output.as_mut_ptr(),
        input.len(),
    )
}

/// `data[i] = f(data[i])` in place, default parameters.
pub fn apply_inplace(kind: Kind, data: &mut [f32]) -> Result<(), Error> {
    apply_inplace_with(kind, &Params::new(), data)
}

/// [`apply_inplace`] with parameters.
pub fn apply_inplace_with(kind: Kind, params: &Params<'_>, data: &mut [f32]) -> Result<(), Error> {
    let p = data.as_mut_ptr();
    call(kind, params, p as *const f32, p, data.len())
}

/// ISAs this CPU and build can run, lowest first.
pub fn available_isas() -> Vec<Isa> {
    Isa::KNOWN
        .iter()
        .copied()
        .filter(|i| i.is_available())
        .collect()
}

/// The highest ISA [`apply`] may use now (`act_active_isa`).
pub fn active_isa() -> Isa {
    Isa::from_raw(unsafe { sys::act_active_isa() })
}

/// The ISA whose kernel serves `kind` now (`act_kernel_isa`).
pub fn kernel_isa(kind: Kind) -> Isa {
    Isa::from_raw(unsafe { sys::act_kernel_isa(kind.raw()) })
}

/// Cap the ISA every later call in the process uses (`act_set_max_isa`, overrides the
/// `ACT_MAX_ISA` environment variable). [`ErrorCode::Isa`] if unavailable (cap unchanged).
pub fn set_max_isa(isa: Isa) -> Result<(), Error> {
    check(unsafe { sys::act_set_max_isa(isa.raw()) })
}

/// Remove the cap: cap at the best available ISA.
pub fn reset_max_isa() -> Result<(), Error> {
    match available_isas().last() {
        Some(best) => set_max_isa(*best),
        None => Ok(()),
    }
}

/// The loaded library's version string (`act_version_string`): `"1.0.0"`.
pub fn version() -> &'static str {
    cstr_static(unsafe { sys::act_version_string() }).unwrap_or("")
}

/// A description of the loaded library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Info {
    /// `act_version_string()`.
    pub version: String,
    /// `act_version()`: major*10000 + minor*100 + patch.
    pub version_number: u32,
    /// ISAs this CPU and build can run.
    pub isas: Vec<Isa>,
    /// `act_active_isa()`.
    pub active_isa: Isa,
    /// Per kind, the ISA of the kernel act_apply uses now (`act_kernel_isa`).
    pub kernel_isa: Vec<(Kind, Isa)>,
}

/// Version, available and active ISAs, and the kernel ISA of every kind.
pub fn info() -> Info {
    Info {
        version: version().to_string(),
        version_number: unsafe { sys::act_version() },
        isas: available_isas(),
        active_isa: active_isa(),
        kernel_isa: Kind::ALL.iter().map(|k| (*k, kernel_isa(*k))).collect(),
    }
}

impl fmt::Display for Info {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let isas: Vec<String> = self.isas.iter().map(|i| i.to_string()).collect();
        writeln!(
            f,
            "libact {} (isas: {}; active: {})",
            self.version,
            isas.join(" "),
            self.active_isa
        )?;
        for (k, i) in &self.kernel_isa {
            writeln!(f, "  {:<13} {}", k.name(), i)?;
        }
        Ok(())
    }
}
