//! Errors: the binding's own checks and the library's statuses; nothing written on error.

use act::{apply, apply_inplace_with, apply_with, info, set_max_isa, ErrorCode, Isa, Kind, Params};

const SENTINEL: f32 = 12345.0;

fn fails(kind: Kind, p: Params<'_>, code: ErrorCode) -> act::Error {
    let x = [-2.0f32, -1.0, 0.0, 1.0, 2.0];
    let mut y = [SENTINEL; 5];
    let e = apply_with(kind, &p, &x, &mut y).expect_err("should fail");
    assert_eq!(e.code(), code, "{} {:?}: {}", kind, p, e);
    assert_eq!(y, [SENTINEL; 5], "nothing may be written on error");
    let mut z = x;
    assert_eq!(apply_inplace_with(kind, &p, &mut z).unwrap_err(), e);
    assert_eq!(z, x);
    e
}

#[test]
fn length_mismatch_is_checked_before_the_call() {
    let mut y = [SENTINEL; 3];
    let e = apply(Kind::Relu, &[1.0, 2.0], &mut y).unwrap_err();
    assert_eq!(e.code(), ErrorCode::LengthMismatch);
    assert_eq!(e.raw_code(), None);
    assert!(
        e.message().contains('2') && e.message().contains('3'),
        "{}",
        e
    );
    assert_eq!(y, [SENTINEL; 3]);
    // checked before anything else, even parameters
    assert_eq!(
        apply_with(Kind::Prelu, &Params::new(), &[1.0], &mut [])
            .unwrap_err()
            .code(),
        ErrorCode::LengthMismatch
    );
}

#[test]
fn library_statuses() {
    let slopes_nan = [1.0f32, f32::NAN];
    let e = fails(
        Kind::LeakyRelu,
        Params::new().alpha(f32::NAN),
        ErrorCode::Param,
    );
    assert_eq!(e.raw_code(), Some(-3));
    fails(
        Kind::LeakyRelu,
        Params::new().alpha(f32::INFINITY),
        ErrorCode::Param,
    );
    fails(
        Kind::BoundedRelu,
        Params::new().alpha(-1.0),
        ErrorCode::Param,
    );
    fails(
        Kind::Hardtanh,
        Params::new().alpha(1.0).beta(-1.0),
        ErrorCode::Param,
    );
    fails(Kind::Elu, Params::new().alpha(f32::NAN), ErrorCode::Param);
    fails(Kind::Celu, Params::new().alpha(0.0), ErrorCode::Param);
    fails(Kind::Softplus, Params::new().alpha(0.0), ErrorCode::Param);
    fails(Kind::Softplus, Params::new().alpha(-2.0), ErrorCode::Param);
    fails(
        Kind::Swish,
        Params::new().alpha(f32::NEG_INFINITY),
        ErrorCode::Param,
    );
    let e = fails(Kind::Prelu, Params::new(), ErrorCode::Null);
    assert_eq!(e.raw_code(), Some(-1));
    fails(Kind::Prelu, Params::new().inner(4), ErrorCode::Null);
    fails(Kind::Prelu, Params::new().slopes(&[]), ErrorCode::Null);
    fails(
        Kind::Prelu,
        Params::new().slopes(&slopes_nan),
        ErrorCode::Param,
    );
    fails(
        Kind::Prelu,
        Params::new().slopes(&[1.0]).inner(0),
        ErrorCode::Param,
    );
    // apply() uses defaults: PReLU has no default slopes
    let mut y = [0.0f32; 1];
    assert_eq!(
        apply(Kind::Prelu, &[1.0], &mut y).unwrap_err().code(),
        ErrorCode::Null
    );
}

#[test]
fn unused_parameter_is_an_error() {
    let e = fails(
        Kind::Relu,
        Params::new().alpha(0.1),
        ErrorCode::UnusedParameter,
    );
    assert!(e.message().contains("no parameters"), "{}", e);
    let e = fails(
        Kind::Softplus,
        Params::new().beta(2.0),
        ErrorCode::UnusedParameter,
    );
    assert!(e.message().contains("alpha"), "{}", e);
    fails(
        Kind::Elu,
        Params::new().inner(2),
        ErrorCode::UnusedParameter,
    );
    fails(
        Kind::Prelu,
        Params::new().slopes(&[1.0]).alpha(1.0),
        ErrorCode::UnusedParameter,
    );
}

#[test]
fn error_type() {
    let e = fails(Kind::Celu, Params::new().alpha(0.0), ErrorCode::Param);
    let text = e.to_string();
    assert!(
        text.contains(e.message()) && text.contains("-3"),
        "{}",
        text
    );
    assert!(!e.message().is_empty());
    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(e.clone());
    assert_eq!(boxed.to_string(), text);
    fn uses_question_mark() -> Result<(), Box<dyn std::error::Error>> {
        act::apply(Kind::Relu, &[1.0], &mut [])?;
        Ok(())
    }
    assert!(uses_question_mark().is_err());
}

#[test]
fn isa_errors_and_info() {
    let inf = info();
    assert!(inf.version.starts_with("1."));
    assert_eq!(inf.version_number / 10000, 1);
    assert!(inf.isas.contains(&Isa::Scalar));
    assert!(inf.isas.contains(&inf.active_isa));
    assert_eq!(inf.kernel_isa.len(), Kind::ALL.len());
    for (k, i) in &inf.kernel_isa {
        assert!(inf.isas.contains(i), "{} on {}", k, i);
        assert!(*i <= inf.active_isa, "{} on {}", k, i);
    }
    let before = act::active_isa();
    for isa in Isa::KNOWN.iter().copied().filter(|i| !i.is_available()) {
        let e = set_max_isa(isa).unwrap_err();
        assert_eq!(e.code(), ErrorCode::Isa);
        assert_eq!(act::active_isa(), before);
    }
    assert_eq!(
        set_max_isa(Isa::Other(42)).unwrap_err().code(),
        ErrorCode::Isa
    );
    assert_eq!(Isa::from_name("avx2"), Some(Isa::Avx2));
    assert_eq!(Isa::from_name("avx1024"), None);
    assert_eq!(Isa::Avx512.name(), Some("avx512"));
    assert!(!format!("{}", inf).is_empty());
}

#[test]
fn kind_names_match_the_library() {
    for (i, k) in Kind::ALL.iter().enumerate() {
        assert_eq!(k.raw(), i as i32 + 1);
        assert_eq!(Kind::from_raw(k.raw()), Some(*k));
        assert_eq!(Kind::from_name(k.name()), Some(*k));
        assert_eq!(k.name().parse::<Kind>().unwrap(), *k);
        let c = unsafe { std::ffi::CStr::from_ptr(act_sys::act_kind_name(k.raw())) };
        assert_eq!(c.to_str().unwrap(), k.name());
    }
    assert_eq!(Kind::from_raw(0), None);
    assert_eq!(Kind::from_raw(22), None);
    assert_eq!("gelu".parse::<Kind>().unwrap_err().code(), ErrorCode::Kind);
}
