/*
 * Vector layer, AArch64 Advanced SIMD (NEON): 4 float lanes. Included only by
 * kernels_neon.c. Semantics of each operation: see vec_sse2.h. Every
 * operation below is written to give the x86 layers' results bit for bit:
 *   - v_min/v_max are a compare and a bit select, a < b ? a : b and
 *     a > b ? a : b, as minps/maxps are. vminq_f32/vmaxq_f32 return NaN when
 *     either side is NaN, and vminnmq/vmaxnmq return the number; neither is
 *     the x86 rule (the second operand whenever the compare is false).
 *   - comparisons are ordered (vcltq etc. are false when either side is NaN).
 *   - v_fma is fused (vfmaq_f32), as on AVX2/AVX-512.
 * AArch64 has no denormal flushing unless FPCR.FZ is set, which we never do.
 */
#ifndef ACT_VEC_NEON_H
#define ACT_VEC_NEON_H

#include <arm_neon.h>
#include <stddef.h>
#include <stdint.h>

#define ACT_ISA_SUFFIX neon
#define ACT_VLEN ((size_t)4)
#define ACT_HAS_FMA 1

typedef float32x4_t vf;
typedef uint32x4_t vm; /* all-ones lanes where true */

static inline vf v_set1(float x) { return vdupq_n_f32(x); }
static inline vf v_zero(void) { return vdupq_n_f32(0.0f); }
static inline vf v_load(const float *p) { return vld1q_f32(p); }
static inline void v_store(float *p, vf v) { vst1q_f32(p, v); }

/* Tails (0 < n < ACT_VLEN) go through a stack buffer: never touch p[n]. */
static inline vf v_loadn(const float *p, size_t n) {
    float t[ACT_VLEN] = {0};
    for (size_t i = 0; i < n; i++) t[i] = p[i];
    return vld1q_f32(t);
}
static inline void v_storen(float *p, vf v, size_t n) {
    float t[ACT_VLEN];
    vst1q_f32(t, v);
    for (size_t i = 0; i < n; i++) p[i] = t[i];
}

static inline vf v_add(vf a, vf b) { return vaddq_f32(a, b); }
static inline vf v_sub(vf a, vf b) { return vsubq_f32(a, b); }
static inline vf v_mul(vf a, vf b) { return vmulq_f32(a, b); }
static inline vf v_div(vf a, vf b) { return vdivq_f32(a, b); }
/* a*b + c with one rounding. Note vfmaq_f32's argument order: (addend, x, y). */
static inline vf v_fma(vf a, vf b, vf c) { return vfmaq_f32(c, a, b); }
/* no fused a*b - c on NEON: -(c - a*b), still one rounding */
static inline vf v_fms(vf a, vf b, vf c) { return vnegq_f32(vfmsq_f32(c, a, b)); }
static inline vf v_fnma(vf a, vf b, vf c) { return vfmsq_f32(c, a, b); }
static inline vf v_sqr(vf a) { return vmulq_f32(a, a); }
static inline vf v_mulz(vf a, vf b) { return vmulq_f32(a, b); }
static inline vf v_min(vf a, vf b) { return vbslq_f32(vcltq_f32(a, b), a, b); }
static inline vf v_max(vf a, vf b) { return vbslq_f32(vcgtq_f32(a, b), a, b); }

static inline vf v_signbit(vf a) {
    return vreinterpretq_f32_u32(vandq_u32(vreinterpretq_u32_f32(a), vdupq_n_u32(0x80000000u)));
}
static inline vf v_or(vf a, vf b) {
    return vreinterpretq_f32_u32(vorrq_u32(vreinterpretq_u32_f32(a), vreinterpretq_u32_f32(b)));
}
static inline vf v_abs(vf a) { return vabsq_f32(a); }
static inline vf v_neg(vf a) { return vnegq_f32(a); }
static inline vf v_nabs(vf a) {
    return vreinterpretq_f32_u32(vorrq_u32(vreinterpretq_u32_f32(a), vdupq_n_u32(0x80000000u)));
}
static inline vf v_nabs_min(vf a, float c) { return v_max(vdupq_n_f32(-c), v_nabs(a)); }
/* |mag| with the sign of sgn: the sign bit from sgn, the other bits from mag. */
static inline vf v_copysign(vf mag, vf sgn) {
    return vbslq_f32(vdupq_n_u32(0x80000000u), sgn, mag);
}

static inline vm v_lt(vf a, vf b) { return vcltq_f32(a, b); }
static inline vm v_le(vf a, vf b) { return vcleq_f32(a, b); }
static inline vm v_gt(vf a, vf b) { return vcgtq_f32(a, b); }
static inline vm v_ge(vf a, vf b) { return vcgeq_f32(a, b); }
/* x != x: vceqq is false for NaN, so its complement marks NaN lanes. */
static inline vm v_isnan(vf a) { return vmvnq_u32(vceqq_f32(a, a)); }
static inline vm v_mand(vm a, vm b) { return vandq_u32(a, b); }
static inline vm v_mor(vm a, vm b) { return vorrq_u32(a, b); }
/* m ? a : b, per lane */
static inline vf v_sel(vm m, vf a, vf b) { return vbslq_f32(m, a, b); }
static inline vf v_sel_sign(vf s, vf a, vf b) {
    return vbslq_f32(vreinterpretq_u32_s32(vshrq_n_s32(vreinterpretq_s32_f32(s), 31)), a, b);
}

/* Transcendental-kind helpers: semantics in vec_sse2.h. Each is the same
 * operation sequence as vec_avx2.h's, so results match AVX2 bit for bit. */
#include <sleef.h>

/* FRINTN: nearest, ties to even, for every x (beyond 2^23 x is an integer already). */
static inline vf v_round(vf x) { return vrndnq_f32(x); }
static inline vf v_pow2(vf n) {
    return vreinterpretq_f32_s32(vshlq_n_s32(vaddq_s32(vcvtnq_s32_f32(n), vdupq_n_s32(127)), 23));
}
static inline vf v_pow2_lo(vf n) { return v_pow2(v_max(n, v_set1(-126.0f))); }
static inline vf v_pow2t(vf t) {
    return vreinterpretq_f32_u32(vshlq_n_u32(vreinterpretq_u32_f32(t), 23));
}
static inline vf v_ldexp_nm(vf y, vf n) { return v_mul(y, v_pow2(n)); }
static inline vf v_ldexp_lo(vf y, vf n) {
    const int32x4_t e = vshlq_n_s32(vaddq_s32(vcvtnq_s32_f32(n), vdupq_n_s32(127 + 64)), 23);
    return vmulq_f32(vmulq_f32(y, vreinterpretq_f32_s32(e)), vdupq_n_f32(0x1p-64f));
}
static inline vf v_ldexp(vf y, vf n) {
    const int32x4_t ni = vcvtnq_s32_f32(n), n1 = vshrq_n_s32(ni, 1), n2 = vsubq_s32(ni, n1);
    const int32x4_t b = vdupq_n_s32(127);
    const vf s1 = vreinterpretq_f32_s32(vshlq_n_s32(vaddq_s32(n1, b), 23));
    const vf s2 = vreinterpretq_f32_s32(vshlq_n_s32(vaddq_s32(n2, b), 23));
    return vmulq_f32(vmulq_f32(y, s1), s2);
}
/* lo = a*b + (-hi), fused: x86 vfmsub's a*b - hi, zero sign included
 * (-vfmsq(hi, a, b) would give -0 where vfmsub gives +0). */
static inline vf v_two_prod(vf a, vf b, vf *lo) {
    const vf hi = vmulq_f32(a, b);
    *lo = vfmaq_f32(vnegq_f32(hi), a, b);
    return hi;
}
/* c - a*b, fused (FMLS), as x86 vfnmadd. */
static inline vf v_resid(vf a, vf b, vf c) { return vfmsq_f32(c, a, b); }
static inline vf v_recip(vf b) { return vdivq_f32(vdupq_n_f32(1.0f), b); }
static inline vf v_rcp(vf b) { return vrecpeq_f32(b); }
static inline vf v_fma1(vf a, vf b, vf c) { return vfmaq_f32(c, a, b); }
static inline int v_any(vm m) { return vmaxvq_u32(m) != 0; }
static inline vm v_eq(vf a, vf b) { return vceqq_f32(a, b); }
static inline vm v_isinf(vf a) { return vceqq_f32(vabsq_f32(a), vdupq_n_f32(__builtin_inff())); }
static inline vm v_mnot(vm m) { return vmvnq_u32(m); }

/* TBL: byte indices 4i + {0,1,2,3} pick float i of the table. */
static inline vf v_lut4(const float *t, vf i) {
    const uint8x16_t tab = vreinterpretq_u8_f32(vld1q_f32(t));
    const uint32x4_t k = vcvtnq_u32_f32(i);
    const uint8x16_t idx =
        vreinterpretq_u8_u32(vmlaq_n_u32(vdupq_n_u32(0x03020100u), k, 0x04040404u));
    return vreinterpretq_f32_u8(vqtbl1q_u8(tab, idx));
}

/* v_lutx(t, x): t[biased exponent of x mod 8] (semantics in vec_sse2.h): TBL
 * over the table's first 8 floats (two registers), byte indices 4e + {0..3}. */
#define ACT_HAS_LUTX 1
static inline vf v_lutx(const float *t, vf x) {
    const uint8x16x2_t tab = {
        {vreinterpretq_u8_f32(vld1q_f32(t)), vreinterpretq_u8_f32(vld1q_f32(t + 4))}};
    const uint32x4_t e = vandq_u32(vshrq_n_u32(vreinterpretq_u32_f32(x), 23), vdupq_n_u32(7));
    const uint8x16_t idx =
        vreinterpretq_u8_u32(vmlaq_n_u32(vdupq_n_u32(0x03020100u), e, 0x04040404u));
    return vreinterpretq_f32_u8(vqtbl2q_u8(tab, idx));
}

static inline vf v_exp(vf x) { return Sleef_expf4_u10advsimd(x); }
static inline vf v_expm1(vf x) { return Sleef_expm1f4_u10advsimd(x); }
static inline vf v_log1p(vf x) { return Sleef_log1pf4_u10advsimd(x); }
static inline vf v_tanh(vf x) { return Sleef_tanhf4_u10advsimd(x); }
static inline vf v_erf(vf x) { return Sleef_erff4_u10advsimd(x); }
static inline vf v_erfc(vf x) { return Sleef_erfcf4_u15advsimd(x); }

#endif
