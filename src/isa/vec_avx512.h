/*
 * Vector layer, AVX-512 (F, BW, DQ, VL): 16 float lanes, opmask registers.
 * Included only by kernels_avx512.c. Semantics of each operation: see
 * vec_sse2.h.
 */
#ifndef ACT_VEC_AVX512_H
#define ACT_VEC_AVX512_H

#include <immintrin.h>
#include <stddef.h>

#define ACT_ISA_SUFFIX avx512
#define ACT_VLEN ((size_t)16)
#define ACT_HAS_FMA 1

typedef __m512 vf;
typedef __mmask16 vm;

static inline vf v_set1(float x) { return _mm512_set1_ps(x); }
static inline vf v_zero(void) { return _mm512_setzero_ps(); }
static inline vf v_load(const float *p) { return _mm512_loadu_ps(p); }
static inline void v_store(float *p, vf v) { _mm512_storeu_ps(p, v); }

/* Masked-off lanes are neither read nor written, and never fault. */
static inline vf v_loadn(const float *p, size_t n) {
    return _mm512_maskz_loadu_ps((__mmask16)((1u << n) - 1u), p);
}
static inline void v_storen(float *p, vf v, size_t n) {
    _mm512_mask_storeu_ps(p, (__mmask16)((1u << n) - 1u), v);
}

static inline vf v_add(vf a, vf b) { return _mm512_add_ps(a, b); }
static inline vf v_sub(vf a, vf b) { return _mm512_sub_ps(a, b); }
static inline vf v_mul(vf a, vf b) { return _mm512_mul_ps(a, b); }
static inline vf v_div(vf a, vf b) { return _mm512_div_ps(a, b); }
static inline vf v_fma(vf a, vf b, vf c) { return _mm512_fmadd_ps(a, b, c); }
static inline vf v_fms(vf a, vf b, vf c) { return _mm512_fmsub_ps(a, b, c); }
static inline vf v_fnma(vf a, vf b, vf c) { return _mm512_fnmadd_ps(a, b, c); }
/* a*a as an FMA with a -0 addend (bit-identical to the multiply): on the Zen 5
 * here a VMULPS whose result is denormal (a below ~1e-19) runs ~4x slower
 * than one that is not; the FMA does not (elu over tiny inputs 2.5 -> 10 Gelem/s) */
static inline vf v_sqr(vf a) { return _mm512_fmadd_ps(a, a, _mm512_set1_ps(-0.0f)); }
static inline vf v_mulz(vf a, vf b) { return _mm512_fmadd_ps(a, b, _mm512_set1_ps(-0.0f)); }
static inline vf v_min(vf a, vf b) { return _mm512_min_ps(a, b); }
static inline vf v_max(vf a, vf b) { return _mm512_max_ps(a, b); }

/* v_signbit: vrangeps (min(|a|, 0) with a's sign), not an AND, which GCC
 * fuses with the v_or that follows into a vpternlogd on the FMA pipes */
static inline vf v_signbit(vf a) { return _mm512_range_ps(a, _mm512_setzero_ps(), 0x2); }
static inline vf v_or(vf a, vf b) { return _mm512_or_ps(a, b); }
static inline vf v_abs(vf a) { return _mm512_abs_ps(a); }
static inline vf v_neg(vf a) {
    return _mm512_castsi512_ps(
        _mm512_xor_si512(_mm512_castps_si512(a), _mm512_set1_epi32((int)0x80000000u)));
}
static inline vf v_nabs(vf a) {
    return _mm512_castsi512_ps(
        _mm512_or_si512(_mm512_castps_si512(a), _mm512_set1_epi32((int)0x80000000u)));
}
/* VRANGEPS, imm 0xE: the operand of smaller magnitude, sign set. It drops
 * a quiet NaN (result -c): see vec_sse2.h. One operation for two. */
static inline vf v_nabs_min(vf a, float c) { return _mm512_range_ps(a, _mm512_set1_ps(c), 0xE); }
static inline vf v_copysign(vf mag, vf sgn) {
    /* bit select: sign from sgn, the rest from mag (imm 0xCA = a ? b : c, a the mask) */
    return _mm512_castsi512_ps(_mm512_ternarylogic_epi32(
        _mm512_set1_epi32(0x7fffffff), _mm512_castps_si512(mag), _mm512_castps_si512(sgn), 0xCA));
}

static inline vm v_lt(vf a, vf b) { return _mm512_cmp_ps_mask(a, b, _CMP_LT_OQ); }
static inline vm v_le(vf a, vf b) { return _mm512_cmp_ps_mask(a, b, _CMP_LE_OQ); }
static inline vm v_gt(vf a, vf b) { return _mm512_cmp_ps_mask(a, b, _CMP_GT_OQ); }
static inline vm v_ge(vf a, vf b) { return _mm512_cmp_ps_mask(a, b, _CMP_GE_OQ); }
static inline vm v_isnan(vf a) { return _mm512_cmp_ps_mask(a, a, _CMP_UNORD_Q); }
static inline vm v_mand(vm a, vm b) { return (vm)(a & b); }
static inline vm v_mor(vm a, vm b) { return (vm)(a | b); }
static inline vf v_sel(vm m, vf a, vf b) { return _mm512_mask_blend_ps(m, b, a); }
static inline vf v_sel_sign(vf s, vf a, vf b) {
    return _mm512_mask_blend_ps(_mm512_movepi32_mask(_mm512_castps_si512(s)), b, a);
}

/* Transcendental-kind helpers: semantics in vec_sse2.h. */
#include <sleef.h>

static inline vf v_round(vf x) {
    return _mm512_roundscale_ps(x, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
}
static inline vf v_pow2(vf n) { return _mm512_scalef_ps(_mm512_set1_ps(1.0f), n); }
/* vscalefps: 2^n, denormal or 0 below -126 */
static inline vf v_pow2_lo(vf n) { return _mm512_scalef_ps(_mm512_set1_ps(1.0f), n); }
/* vscalefps: y*2^floor(n), one rounding, denormals produced (MXCSR.FTZ is never set here). */
static inline vf v_ldexp(vf y, vf n) { return _mm512_scalef_ps(y, n); }
static inline vf v_ldexp_lo(vf y, vf n) { return _mm512_scalef_ps(y, n); }
static inline vf v_pow2t(vf t) {
    return _mm512_castsi512_ps(_mm512_slli_epi32(_mm512_castps_si512(t), 23));
}
static inline vf v_ldexp_nm(vf y, vf n) { return _mm512_scalef_ps(y, n); }
static inline vf v_two_prod(vf a, vf b, vf *lo) {
    const vf hi = _mm512_fmadd_ps(a, b, _mm512_set1_ps(-0.0f)); /* see v_sqr */
    *lo = _mm512_fmsub_ps(a, b, hi);
    return hi;
}
static inline vf v_resid(vf a, vf b, vf c) { return _mm512_fnmadd_ps(a, b, c); }
static inline vf v_recip(vf b) { return _mm512_div_ps(_mm512_set1_ps(1.0f), b); }
static inline vf v_rcp(vf b) { return _mm512_rcp14_ps(b); }
static inline vf v_fma1(vf a, vf b, vf c) { return _mm512_fmadd_ps(a, b, c); }
static inline int v_any(vm m) { return m != 0; }
static inline vm v_eq(vf a, vf b) { return _mm512_cmp_ps_mask(a, b, _CMP_EQ_OQ); }
static inline vm v_isinf(vf a) { return _mm512_fpclass_ps_mask(a, 0x18); /* +inf | -inf */ }
static inline vm v_mnot(vm m) { return (vm)~m; }

/* v_sel_neg(x, a, k) = x < 0 ? a : k for k = 0 or 1, and NaN for NaN x,
 * in one VFIXUPIMMPS (x classed by the table: NaN -> QNaN(x), negative and
 * -inf -> a, +-0, positive and +inf -> k). Only here: elsewhere the select
 * and the NaN would cost two operations more than they save. */
#define ACT_HAS_SEL_NEG 1
/* v_ldexp, v_ldexp_lo, v_pow2 and v_pow2_lo are one vscalefps each: a scale
 * applied late costs one operation, so no kernel needs a guarded early form */
#define ACT_HAS_SCALEF 1
/* v_mulz (an FMA) costs what v_mul does even at the head of a short chain:
 * elu, celu, selu measured within 1% (AVX2: 4-7% slower there) */
#define ACT_MULZ_FREE 1
static inline vf v_sel_neg(vf x, vf a, float k) {
    /* 4-bit tokens by class, lowest first: QNaN, SNaN, zero, +1, -inf, +inf,
     * negative, positive; token 0 = a, 2 = QNaN(x), 8 = +0, 10 = +1 */
    const int t = k == 1.0f ? (int)0xA0A0AA22u : (int)0x80808822u;
    return _mm512_fixupimm_ps(a, x, _mm512_set1_epi32(t), 0);
}

static inline vf v_lut4(const float *t, vf i) {
    return _mm512_permutexvar_ps(_mm512_cvtps_epi32(i), _mm512_broadcast_f32x4(_mm_loadu_ps(t)));
}

/* v_lut16(t, i): t[low 4 bits of each lane's bit pattern], one vpermps (the
 * table form of the exp core, exp_core.h). */
#define ACT_HAS_LUT16 1
static inline vf v_lut16(const float *t, vf i) {
    return _mm512_permutexvar_ps(_mm512_castps_si512(i), _mm512_loadu_ps(t));
}

/* v_lutx(t, x): t[biased exponent of x mod 8] (semantics in vec_sse2.h):
 * vpermps reads the low 4 bits of x >> 23, and t[i + 8] = t[i]. */
#define ACT_HAS_LUTX 1
static inline vf v_lutx(const float *t, vf x) {
    return _mm512_permutexvar_ps(_mm512_srli_epi32(_mm512_castps_si512(x), 23), _mm512_loadu_ps(t));
}

/* v_lutxh(t, x): t[bits of x >> 22 mod 16] (semantics in vec_sse2.h): vpermps
 * reads the low 4 bits of the index. */
#define ACT_HAS_LUTXH 1
static inline vf v_lutxh(const float *t, vf x) {
    return _mm512_permutexvar_ps(_mm512_srli_epi32(_mm512_castps_si512(x), 22), _mm512_loadu_ps(t));
}

static inline vf v_exp(vf x) { return Sleef_expf16_u10avx512f(x); }
static inline vf v_expm1(vf x) { return Sleef_expm1f16_u10avx512f(x); }
static inline vf v_log1p(vf x) { return Sleef_log1pf16_u10avx512f(x); }
static inline vf v_tanh(vf x) { return Sleef_tanhf16_u10avx512f(x); }
static inline vf v_erf(vf x) { return Sleef_erff16_u10avx512f(x); }
static inline vf v_erfc(vf x) { return Sleef_erfcf16_u15avx512f(x); }

#endif
