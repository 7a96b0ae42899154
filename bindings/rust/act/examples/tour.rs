//! The API tour of docs/rust.md: cargo run --example tour

use act::{apply, apply_inplace, apply_inplace_with, apply_with, ErrorCode, Kind, Params};

fn main() -> Result<(), act::Error> {
    let x = [-2.0f32, -0.5, 0.0, 0.5, 2.0];
    let mut y = [0.0f32; 5];

    apply(Kind::GeluTanh, &x, &mut y)?; // defaults
    apply_with(Kind::Elu, &Params::new().alpha(0.5), &x, &mut y)?;
    apply_with(
        Kind::Hardtanh,
        &Params::new().alpha(-2.0).beta(2.0),
        &x,
        &mut y,
    )?;

    let mut z = x;
    apply_inplace(Kind::Silu, &mut z)?; // in place
    let slopes = [0.1f32, 0.2, 0.3]; // NCHW with H*W = 4
    let mut nchw = vec![-1.0f32; 2 * 3 * 4];
    apply_inplace_with(
        Kind::Prelu,
        &Params::new().slopes(&slopes).inner(4),
        &mut nchw,
    )?;

    // errors carry a code and a message, and implement std::error::Error
    let e = apply_with(Kind::Celu, &Params::new().alpha(0.0), &x, &mut y).unwrap_err();
    assert_eq!(e.code(), ErrorCode::Param); // ACT_ERR_PARAM
    assert_eq!(e.raw_code(), Some(-3));
    println!("{}", e); // libact: invalid parameter (NaN, infinite or out of range) (status -3)

    let e = apply(Kind::Relu, &x, &mut y[..3]).unwrap_err();
    assert_eq!(e.code(), ErrorCode::LengthMismatch); // checked before any call
    Ok(())
}
