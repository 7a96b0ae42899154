//! Puts the libact directory act-sys found (`DEP_ACT_LIB_DIR`, from its `links = "act"`
//! metadata) in the rpath of this crate's tests and examples, so `cargo test`
//! and `cargo run --example gelu` find `libact.so.1` without LD_LIBRARY_PATH.
use std::env;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=DEP_ACT_LIB_DIR");
    if let Some(dirs) = env::var_os("DEP_ACT_LIB_DIR") {
        for d in env::split_paths(&dirs) {
            if d.as_os_str().is_empty() {
                continue;
            }
            for target in ["tests", "examples"] {
                println!("cargo:rustc-link-arg-{}=-Wl,-rpath,{}", target, d.display());
            }
        }
    }
}
