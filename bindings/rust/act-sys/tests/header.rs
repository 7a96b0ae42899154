//! act-sys against the header and the linked library.

use act_sys::*;
use std::collections::HashMap;
use std::ffi::{CStr, CString};
use std::mem::size_of;
use std::path::PathBuf;

fn header() -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../include/act/act.h");
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {}", p.display(), e))
}

/// `NAME = value` enumerators and `#define NAME value` lines of act.h.
fn header_constants(text: &str) -> HashMap<String, i64> {
    let mut m = HashMap::new();
    for line in text.lines() {
        let code = line.split("/*").next().unwrap().trim();
        let (name, value) = if let Some(rest) = code.strip_prefix("#define ") {
            let mut it = rest.split_whitespace();
            match (it.next(), it.next()) {
                (Some(n), Some(v)) => (n, v),
                _ => continue,
            }
        } else if let Some((n, v)) = code.split_once('=') {
            (n.trim(), v.trim().trim_end_matches(','))
        } else {
            continue;
        };
        if !name.starts_with("ACT_") {
            continue;
        }
        if let Ok(v) = value.parse::<i64>() {
            m.insert(name.to_string(), v);
        }
    }
    m
}

#[test]
fn constants_match_act_h() {
    let h = header_constants(&header());
    for (name, value) in CONSTANTS {
        assert_eq!(
            h.get(*name),
            Some(&(*value as i64)),
            "{} in act.h vs act-sys",
            name
        );
    }
    // and nothing in act.h that act-sys lacks (an appended kind, status or ISA)
    let ours: Vec<&str> = CONSTANTS.iter().map(|c| c.0).collect();
    for name in h.keys() {
        let pattern = name.starts_with("ACT_ERR_")
            || name.starts_with("ACT_ISA_")
            || name.starts_with("ACT_VERSION_")
            || name == "ACT_OK";
        let is_kind =
            h[name] >= 1 && h[name] <= h["ACT_KIND_COUNT"] && !pattern && name != "ACT_KIND_COUNT";
        if pattern || is_kind {
            assert!(
                ours.contains(&name.as_str()),
                "act.h has {} = {}, act-sys does not",
                name,
                h[name]
            );
        }
    }
}

#[test]
fn params_layout() {
    // (offset_of! is newer than this crate's rust-version: offsets by address.)
    // struct act_params v1: size_t, float, float, pointer, size_t, size_t.
    let p = act_params {
        size: 0,
        alpha: 0.0,
        beta: 0.0,
        slopes: std::ptr::null(),
        channels: 0,
        inner: 0,
    };
    let base = &p as *const _ as usize;
    let off = |f: usize| f - base;
    assert_eq!(off(&p.size as *const _ as usize), 0);
    assert_eq!(off(&p.alpha as *const _ as usize), size_of::<usize>());
    assert_eq!(off(&p.beta as *const _ as usize), size_of::<usize>() + 4);
    assert_eq!(off(&p.slopes as *const _ as usize), size_of::<usize>() + 8);
    assert_eq!(
        off(&p.inner as *const _ as usize),
        3 * size_of::<usize>() + 8
    );
    assert_eq!(size_of::<act_params>(), 4 * size_of::<usize>() + 8);
    if size_of::<usize>() == 8 {
        assert_eq!(size_of::<act_params>(), 40); // act.h: "40 bytes on LP64"
    }
}

fn cstr(p: *const std::os::raw::c_char) -> Option<String> {
    if p.is_null() {
        None
    } else {
        Some(unsafe { CStr::from_ptr(p) }.to_str().unwrap().to_string())
    }
}

#[test]
fn library_agrees() {
    unsafe {
        assert_eq!(act_version() / 10000, ACT_VERSION_MAJOR);
        assert!(cstr(act_version_string()).unwrap().starts_with("1."));
        for k in 1..=ACT_KIND_COUNT {
            let name = cstr(act_kind_name(k)).expect("kind without a name");
            let c = CString::new(name.clone()).unwrap();
            assert_eq!(act_kind_from_name(c.as_ptr()), k, "{}", name);
        }
        assert!(act_kind_name(0).is_null());
        assert_eq!(
            cstr(act_kind_name(ACT_GELU_TANH)).as_deref(),
            Some("gelu_tanh")
        );
        assert_eq!(
            cstr(act_isa_name(ACT_ISA_AVX512)).as_deref(),
            Some("avx512")
        );
        assert_eq!(act_isa_available(ACT_ISA_SCALAR), 1);
        assert!(cstr(act_strerror(ACT_ERR_OVERLAP)).is_some());
        assert!(cstr(act_strerror(12345)).is_some());
    }
}

#[test]
fn raw_apply_and_errors() {
    let x = [-2.0f32, -0.0, 0.5, 3.0];
    let mut y = [9.0f32; 4];
    unsafe {
        assert_eq!(
            act_apply(ACT_RELU, std::ptr::null(), x.as_ptr(), y.as_mut_ptr(), 4),
            ACT_OK
        );
        assert_eq!(y, [0.0, 0.0, 0.5, 3.0]);
        assert_eq!(
            act_apply(99, std::ptr::null(), x.as_ptr(), y.as_mut_ptr(), 4),
            ACT_ERR_KIND
        );
        assert_eq!(
            act_apply(
                ACT_RELU,
                std::ptr::null(),
                std::ptr::null(),
                y.as_mut_ptr(),
                4
            ),
            ACT_ERR_NULL
        );
        assert_eq!(
            act_apply(
                ACT_RELU,
                std::ptr::null(),
                std::ptr::null(),
                std::ptr::null_mut(),
                0
            ),
            ACT_OK
        );
        let mut buf = [1.0f32; 8];
        let p = buf.as_mut_ptr();
        assert_eq!(
            act_apply(ACT_RELU, std::ptr::null(), p, p.add(1), 4),
            ACT_ERR_OVERLAP
        );
        let mut prm = std::mem::zeroed::<act_params>();
        assert_eq!(
            act_params_default(ACT_ELU, &mut prm, size_of::<act_params>()),
            ACT_OK
        );
        assert_eq!((prm.size, prm.alpha), (size_of::<act_params>(), 1.0));
        assert_eq!(act_params_default(ACT_ELU, &mut prm, 8), ACT_ERR_SIZE);
        prm.alpha = f32::NAN;
        assert_eq!(
            act_apply(ACT_ELU, &prm, x.as_ptr(), y.as_mut_ptr(), 4),
            ACT_ERR_PARAM
        );
        prm.alpha = 1.0;
        prm.size = 8;
        assert_eq!(
            act_apply(ACT_ELU, &prm, x.as_ptr(), y.as_mut_ptr(), 4),
            ACT_ERR_SIZE
        );
    }
}
