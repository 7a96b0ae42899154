//! cargo run --example gelu [-- x1 x2 ...]
//! Prints the library's description and GELU (tanh and erf forms) of a few inputs.

use act::{apply, apply_inplace, Kind};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    print!("{}", act::info());
    let args: Vec<f32> = std::env::args()
        .skip(1)
        .map(|a| a.parse())
        .collect::<Result<_, _>>()?;
    let x = if args.is_empty() {
        vec![-6.0, -3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 3.0]
    } else {
        args
    };
    let mut tanh_form = vec![0.0f32; x.len()];
    apply(Kind::GeluTanh, &x, &mut tanh_form)?;
    let mut erf_form = x.clone();
    apply_inplace(Kind::GeluErf, &mut erf_form)?;
    println!("{:>10} {:>16} {:>16}", "x", "gelu_tanh", "gelu_erf");
    for i in 0..x.len() {
        println!("{:>10} {:>16e} {:>16e}", x[i], tanh_form[i], erf_form[i]);
    }
    Ok(())
}
