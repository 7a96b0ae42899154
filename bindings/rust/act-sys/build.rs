//! Finds libact and links it (`-lact`, the shared library `libact.so` → `libact.so.1`).
//!
//! Search order, first that applies wins:
//! 1. `ACT_LIB_DIR`: a directory holding `libact.so` (a build dir such as `build/`, or an
//!    install's `lib/`);
//! 2. `pkg-config --libs-only-L act` (the `pkg-config` binary itself, no crate; honours
//!    `PKG_CONFIG_PATH`, and `PKG_CONFIG` names another binary);
//! 3. the system linker's default paths.
//!
//! The directory found in 1 or 2 goes into an rpath (`-Wl,-rpath,DIR`) of this crate's own
//! test binaries, and to dependents as `DEP_ACT_LIB_DIR` (this crate `links = "act"`); the
//! `act` crate's build script puts it in the rpath of its tests and examples. So
//! `cargo test` and `cargo run --example` find the library at run time without
//! LD_LIBRARY_PATH. Cargo passes `rustc-link-arg` to the package's own targets only, so a
//! binary of yours needs its own rpath (or LD_LIBRARY_PATH, or a system-wide install).

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

fn pkg_config_dirs() -> Option<Vec<PathBuf>> {
    let exe = env::var("PKG_CONFIG").unwrap_or_else(|_| "pkg-config".to_string());
    let out = Command::new(&exe)
        .args(["--libs-only-L", "act"])
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?;
    Some(
        text.split_whitespace()
            .filter_map(|f| f.strip_prefix("-L"))
            .map(PathBuf::from)
            .collect(),
    )
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=ACT_LIB_DIR");
    println!("cargo:rerun-if-env-changed=PKG_CONFIG");
    println!("cargo:rerun-if-env-changed=PKG_CONFIG_PATH");

    let (dirs, source): (Vec<PathBuf>, &str) = match env::var_os("ACT_LIB_DIR") {
        Some(d) if !d.is_empty() => {
            let d = PathBuf::from(d);
            if !d.join("libact.so").exists() {
                println!(
                    "cargo:warning=ACT_LIB_DIR={}: no libact.so there; linking will likely fail",
                    d.display()
                );
            }
            (vec![d], "ACT_LIB_DIR")
        }
        _ => match pkg_config_dirs() {
            Some(dirs) => (dirs, "pkg-config"),
            None => {
                println!(
                    "cargo:warning=libact: ACT_LIB_DIR is unset and `pkg-config act` found nothing; \
                     linking -lact from the system's default paths"
                );
                (Vec::new(), "system")
            }
        },
    };

    for d in &dirs {
        let lib = d.join("libact.so.1");
        if Path::new(&lib).exists() {
            println!("cargo:rerun-if-changed={}", lib.display());
        }
        println!("cargo:rustc-link-search=native={}", d.display());
        println!("cargo:rustc-link-arg-tests=-Wl,-rpath,{}", d.display());
    }
    println!("cargo:rustc-link-lib=dylib=act");

    let joined = env::join_paths(&dirs).expect("library directory with ':' in its name");
    println!("cargo:lib_dir={}", joined.to_string_lossy());
    println!("cargo:source={}", source);
}
