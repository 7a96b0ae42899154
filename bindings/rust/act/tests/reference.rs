//! Every kind on every ISA this CPU runs, against a float64 reference, at act.h's ULP
//! bounds; in place equals out of place; NaN in gives NaN out.

use act::{
    apply, apply_inplace, apply_inplace_with, apply_with, available_isas, set_max_isa, Kind, Params,
};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

extern "C" {
    // glibc's libm (std links it): erfc is not in Rust's std.
    fn erfc(x: f64) -> f64;
}

/// act_set_max_isa is process-wide and tests run on parallel threads: every test that
/// caps the ISA holds this lock.
static ISA_LOCK: Mutex<()> = Mutex::new(());

const SELU_A: f64 = 1.6732632423543772848170429916717;
const SELU_SCALE: f64 = 1.0507009873554804934193349852946;

fn sigmoid64(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// log(1 + exp(z)) without overflow.
fn softplus64(z: f64) -> f64 {
    z.max(0.0) + (-z.abs()).exp().ln_1p()
}

/// The exact function of act.h in float64, formulated without cancellation; parameters
/// are the float32 values the library sees. Limits at ±inf where a formula gives inf*0.
fn reference(kind: Kind, x: f32, alpha: Option<f32>, beta: Option<f32>, slope: f32) -> f64 {
    let t = x as f64;
    let a = alpha.map(|v| v as f64);
    if t.is_nan() {
        return f64::NAN;
    }
    let xsig = |s: f64| -> f64 {
        // x * sigmoid(s(x)) with the limits at ±inf
        if t == f64::INFINITY {
            f64::INFINITY
        } else if t == f64::NEG_INFINITY {
            -0.0
        } else {
            t * sigmoid64(s)
        }
    };
    match kind {
        Kind::Relu => {
            if t > 0.0 {
                t
            } else {
                0.0
            }
        }
        Kind::LeakyRelu => {
            if t > 0.0 {
                t
            } else {
                a.unwrap_or(0.01f32 as f64) * t
            }
        }
        Kind::Prelu => {
            if t > 0.0 {
                t
            } else {
                slope as f64 * t
            }
        }
        Kind::BoundedRelu => (if t > 0.0 { t } else { 0.0 }).min(a.unwrap_or(6.0)),
        Kind::Relu6 => (if t > 0.0 { t } else { 0.0 }).min(6.0),
        Kind::Hardtanh => t
            .max(a.unwrap_or(-1.0))
            .min(beta.map(|b| b as f64).unwrap_or(1.0)),
        Kind::Elu => {
            if t > 0.0 {
                t
            } else {
                a.unwrap_or(1.0) * t.exp_m1()
            }
        }
        Kind::Selu => SELU_SCALE * if t > 0.0 { t } else { SELU_A * t.exp_m1() },
        Kind::Celu => {
            let al = a.unwrap_or(1.0);
            t.max(0.0) + (al * (t / al).exp_m1()).min(0.0)
        }
        Kind::GeluTanh => {
            let u = (2.0 / std::f64::consts::PI).sqrt() * (t + 0.044715 * t * t * t);
            xsig(2.0 * u)
        }
        Kind::GeluErf => {
            if t.is_infinite() {
                xsig(t)
            } else {
                0.5 * t * unsafe { erfc(-t / std::f64::consts::SQRT_2) }
            }
        }
        Kind::Sigmoid => sigmoid64(t),
        Kind::Tanh => t.tanh(),
        Kind::Silu => xsig(t),
        Kind::Softplus => {
            let b = a.unwrap_or(1.0);
            softplus64(b * t) / b
        }
        Kind::Mish => {
            if t.is_infinite() {
                xsig(t)
            } else {
                t * softplus64(t).tanh()
            }
        }
        Kind::Hardsigmoid => (t + 3.0).clamp(0.0, 6.0) / 6.0,
        Kind::Hardswish => {
            if t == f64::NEG_INFINITY {
                -0.0
            } else {
                t * (t + 3.0).clamp(0.0, 6.0) / 6.0
            }
        }
        Kind::Softsign => {
            if t.is_infinite() {
                t.signum()
            } else {
                t / (1.0 + t.abs())
            }
        }
        Kind::Logsigmoid => -softplus64(-t),
        Kind::Swish => {
            let b = a.unwrap_or(1.0);
            if t.is_infinite() && b == 0.0 {
                t
            } else if t.is_infinite() && b < 0.0 {
                if t > 0.0 {
                    0.0
                } else {
                    f64::NEG_INFINITY
                }
            } else {
                xsig(b * t)
            }
        }
        _ => unreachable!("a kind this test does not know: {:?}", kind),
    }
}

/// The fallback bound when act.h's table cannot be read: bit-exact for the kinds act.h
/// calls exact, 2 ULP for the others.
fn fallback_ulp(kind: Kind) -> u64 {
    match kind {
        Kind::Relu
        | Kind::LeakyRelu
        | Kind::Prelu
        | Kind::BoundedRelu
        | Kind::Relu6
        | Kind::Hardtanh => 0,
        _ => 2,
    }
}

type Bounds = HashMap<String, HashMap<String, u64>>;

/// act.h's "Maximum error in ULP" table: kind name -> ISA name -> bound. `None` if the
/// header (ACT_HEADER overrides its path) is missing or the table cannot be read.
fn header_bounds() -> Option<Bounds> {
    let path = std::env::var_os("ACT_HEADER")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../include/act/act.h")
        });
    let text = std::fs::read_to_string(path).ok()?;
    let start = text.find("Maximum error in ULP")?;
    let end = start + text[start..].find("*/")?;
    let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
    let mut columns: Option<Vec<String>> = None;
    let mut pending: Vec<String> = Vec::new();
    let mut default: Option<HashMap<String, u64>> = None;
    let mut bounds = Bounds::new();
    for line in text[start..end].lines() {
        let body = line.trim_matches(|c: char| c == ' ' || c == '*' || c == '\t');
        let words: Vec<&str> = body.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        let cols = match &columns {
            None => {
                if words[0] == "kind" && words.contains(&"scalar") {
                    columns = Some(words[1..].iter().map(|w| w.to_string()).collect());
                }
                continue;
            }
            Some(c) => c.clone(),
        };
        // standalone integers: "1", not "2u" or "1.5"; "(served by scalar, 1 ULP)" counts
        let nums: Vec<u64> = body
            .split(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == ',')
            .filter_map(|w| w.parse().ok())
            .collect();
        let max = nums.iter().copied().max();
        let per: HashMap<String, u64> = if nums.len() == cols.len() {
            cols.iter().cloned().zip(nums.iter().copied()).collect()
        } else {
            cols.iter().map(|c| (c.clone(), max.unwrap_or(0))).collect()
        };
        if body.starts_with("every other kind") {
            if max.is_some() {
                default = Some(per);
            }
            continue;
        }
        pending.extend(
            words
                .iter()
                .filter(|w| kinds.contains(w))
                .map(|w| w.to_string()),
        );
        if max.is_some() {
            for k in pending.drain(..) {
                bounds.insert(k, per.clone());
            }
        }
    }
    columns?;
    for k in kinds {
        if !bounds.contains_key(k) {
            bounds.insert(k.to_string(), default.clone()?);
        }
    }
    Some(bounds)
}

/// The bound for `kind` served by the ISA `act_kernel_isa` reports now.
fn max_ulp(table: &Option<Bounds>, kind: Kind) -> u64 {
    let isa = act::kernel_isa(kind).to_string();
    match table.as_ref().and_then(|t| t.get(kind.name())) {
        Some(per) => per
            .get(&isa)
            .copied()
            .unwrap_or_else(|| per.values().copied().max().unwrap_or(0)),
        None => fallback_ulp(kind),
    }
}

#[test]
fn header_table_is_read() {
    match header_bounds() {
        None => eprintln!("act.h's ULP table not found or not readable: fallback bounds in use"),
        Some(t) => {
            for k in Kind::ALL {
                assert!(t.contains_key(k.name()), "{}", k);
                if fallback_ulp(k) == 0 {
                    assert!(
                        t[k.name()].values().all(|b| *b == 0),
                        "{}: {:?}",
                        k,
                        t[k.name()]
                    );
                }
            }
        }
    }
}

/// Position on the float line: adjacent floats differ by 1, +0 and -0 are both 0.
fn ordered(v: f32) -> i64 {
    let b = v.to_bits() as i32 as i64;
    if b < 0 {
        -(b & 0x7fff_ffff)
    } else {
        b
    }
}

/// ULP distance between `got` and the float64 reference rounded to float32.
fn ulp(got: f32, r: f64) -> u64 {
    let r32 = r as f32;
    match (got.is_nan(), r32.is_nan()) {
        (true, true) => 0,
        (false, false) => (ordered(got) - ordered(r32)).unsigned_abs(),
        _ => u64::MAX,
    }
}

/// xorshift64*: deterministic inputs without a crate.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// A grid over [-30, 30], random bit patterns over all floats (denormals included),
/// random magnitudes in [1e-8, 160], and the special values.
fn inputs() -> Vec<f32> {
    let mut v: Vec<f32> = (0..=24000).map(|i| -30.0 + i as f32 * 0.0025).collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..40000 {
        let f = f32::from_bits(rng.next() as u32);
        if !f.is_nan() {
            v.push(f);
        }
    }
    for _ in 0..20000 {
        let e = -8.0 + 10.2 * (rng.next() >> 11) as f64 / (1u64 << 53) as f64;
        let m = 10f64.powf(e) as f32;
        v.push(m);
        v.push(-m);
    }
    v.extend_from_slice(&[
        0.0,
        -0.0,
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::MAX,
        -f32::MAX,
        f32::MIN_POSITIVE,
        -f32::MIN_POSITIVE,
        1e-45,
        -1e-45,
        1.0,
        -1.0,
        3.0,
        -3.0,
        6.0,
        -6.0,
        20.0,
        -20.0,
        88.7,
        -88.7,
        100.0,
        -100.0,
        1e30,
        -1e30,
    ]);
    v
}

const SLOPES: [f32; 5] = [0.25, -0.5, 1.5, 0.0, 3.0];
const INNER: usize = 3;

/// The worst element of `kind` on `isa` if it exceeds the bound: a one-line report.
#[must_use]
fn check(
    kind: Kind,
    params: &Params<'_>,
    alpha: Option<f32>,
    beta: Option<f32>,
    x: &[f32],
    isa: &str,
) -> Option<String> {
    let mut y = vec![f32::from_bits(0x7fc0_dead); x.len()];
    if let Err(e) = apply_with(kind, params, x, &mut y) {
        return Some(format!("{} on {}: {}", kind, isa, e));
    }
    let bound = max_ulp(&header_bounds(), kind);
    let mut worst: Option<(u64, usize, f64)> = None;
    let mut count = 0usize;
    for (i, (&xi, &yi)) in x.iter().zip(&y).enumerate() {
        let slope = SLOPES[(i / INNER) % SLOPES.len()];
        let r = reference(kind, xi, alpha, beta, slope);
        let d = ulp(yi, r);
        if d > bound {
            count += 1;
            if worst.map_or(true, |w| d > w.0) {
                worst = Some((d, i, r));
            }
        }
    }
    worst.map(|(d, i, r)| {
        format!(
            "{} on {} (alpha {:?}, beta {:?}): {} inputs over {} ULP; worst x = {:e} ({:#010x}): \
             got {:e}, reference {:e}, {} ULP",
            kind,
            isa,
            alpha,
            beta,
            count,
            bound,
            x[i],
            x[i].to_bits(),
            y[i],
            r,
            d
        )
    })
}

fn report(failures: Vec<String>) {
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

fn default_params(kind: Kind) -> Params<'static> {
    if kind == Kind::Prelu {
        Params::new().slopes(&SLOPES).inner(INNER)
    } else {
        Params::new()
    }
}

#[test]
fn every_kind_every_isa_against_f64() {
    let _g = ISA_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let x = inputs();
    let mut failures: Vec<String> = Vec::new();
    for isa in available_isas() {
        set_max_isa(isa).unwrap();
        assert_eq!(act::active_isa(), isa);
        for kind in Kind::ALL {
            let p = default_params(kind);
            failures.extend(check(kind, &p, None, None, &x, &isa.to_string()));
        }
    }
    act::reset_max_isa().unwrap();
    report(failures);
}

#[test]
fn parameters_against_f64() {
    let _g = ISA_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let x = inputs();
    let cases: &[(Kind, Option<f32>, Option<f32>)] = &[
        (Kind::LeakyRelu, Some(0.2), None),
        (Kind::LeakyRelu, Some(-1.5), None),
        (Kind::BoundedRelu, Some(2.5), None),
        (Kind::BoundedRelu, Some(0.0), None),
        (Kind::Hardtanh, Some(-2.0), Some(3.0)),
        (Kind::Hardtanh, Some(0.5), Some(0.5)),
        (Kind::Elu, Some(0.5), None),
        (Kind::Elu, Some(-2.0), None),
        (Kind::Celu, Some(0.7), None),
        (Kind::Celu, Some(3.0), None),
        (Kind::Softplus, Some(2.0), None),
        (Kind::Softplus, Some(0.3), None),
        (Kind::Swish, Some(1.5), None),
        (Kind::Swish, Some(0.0), None),
        (Kind::Swish, Some(-0.7), None),
    ];
    let mut failures: Vec<String> = Vec::new();
    for isa in available_isas() {
        set_max_isa(isa).unwrap();
        for &(kind, alpha, beta) in cases {
            let mut p = Params::new();
            if let Some(a) = alpha {
                p = p.alpha(a);
            }
            if let Some(b) = beta {
                p = p.beta(b);
            }
            failures.extend(check(kind, &p, alpha, beta, &x, &isa.to_string()));
        }
    }
    act::reset_max_isa().unwrap();
    report(failures);
}

#[test]
fn in_place_matches_out_of_place() {
    let x: Vec<f32> = (0..4099).map(|i| -12.0 + i as f32 * 0.006).collect();
    for kind in Kind::ALL {
        let p = default_params(kind);
        let mut want = vec![0.0f32; x.len()];
        apply_with(kind, &p, &x, &mut want).unwrap();
        let mut y = x.clone();
        apply_inplace_with(kind, &p, &mut y).unwrap();
        assert_eq!(
            y.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
            want.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
            "{}",
            kind
        );
    }
    let mut z = vec![-1.0f32, 2.0, -0.0];
    apply_inplace(Kind::Relu, &mut z).unwrap();
    assert_eq!(z, [0.0, 2.0, 0.0]);
}

#[test]
fn nan_in_nan_out() {
    let x = [
        f32::NAN,
        1.0,
        -f32::NAN,
        f32::from_bits(0x7fc1_2345),
        f32::from_bits(0xff80_0001),
        -1.0,
    ];
    for kind in Kind::ALL {
        let mut y = [0.0f32; 6];
        apply_with(kind, &default_params(kind), &x, &mut y).unwrap();
        for (a, b) in x.iter().zip(&y) {
            assert_eq!(a.is_nan(), b.is_nan(), "{}: {} -> {}", kind, a, b);
        }
    }
}

#[test]
fn empty_slices() {
    for kind in Kind::ALL {
        apply_with(kind, &default_params(kind), &[], &mut []).unwrap();
        apply_inplace_with(kind, &default_params(kind), &mut []).unwrap();
    }
}

#[test]
fn simple_values() {
    let x = [-1.0f32, 0.0, 1.0];
    let mut y = [0.0f32; 3];
    apply(Kind::Sigmoid, &x, &mut y).unwrap();
    assert_eq!(y[1], 0.5);
    assert!((y[2] - 0.731_058_6).abs() < 1e-7);
    apply(
        Kind::GeluTanh,
        &[-f32::INFINITY, f32::INFINITY],
        &mut y[..2],
    )
    .unwrap();
    assert_eq!(y[0].to_bits(), (-0.0f32).to_bits()); // gelu(-inf) = -0
    assert_eq!(y[1], f32::INFINITY);
}

#[test]
fn threads() {
    let x: Vec<f32> = (0..200_003).map(|i| -10.0 + i as f32 * 1e-4).collect();
    let mut want = vec![0.0f32; x.len()];
    apply(Kind::Mish, &x, &mut want).unwrap();
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                let mut y = vec![0.0f32; x.len()];
                for _ in 0..3 {
                    apply(Kind::Mish, &x, &mut y).unwrap();
                    assert!(y == want);
                }
            });
        }
    });
}
