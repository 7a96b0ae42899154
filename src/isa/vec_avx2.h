/*
 * Vector layer, AVX2 + FMA: 8 float lanes. Included only by kernels_avx2.c
 * (-mavx2 -mfma). Semantics of each operation: see vec_sse2.h.
 */
#ifndef ACT_VEC_AVX2_H
#define ACT_VEC_AVX2_H

#include <immintrin.h>
#include <stddef.h>
#include <stdint.h>

#define ACT_ISA_SUFFIX avx2
#define ACT_VLEN ((size_t)8)
#define ACT_HAS_FMA 1

typedef __m256 vf;
typedef __m256 vm;

static inline vf v_set1(float x) { return _mm256_set1_ps(x); }
static inline vf v_zero(void) { return _mm256_setzero_ps(); }
static inline vf v_load(const float *p) { return _mm256_loadu_ps(p); }
static inline void v_store(float *p, vf v) { _mm256_storeu_ps(p, v); }

/* Tails: vmaskmovps never faults on masked-off lanes, so p[n] is not touched. */
static inline __m256i v_tailmask_(size_t n) {
    static const int32_t m[16] = {-1, -1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0};
    return _mm256_loadu_si256((const __m256i *)(m + 8 - n));
}
static inline vf v_loadn(const float *p, size_t n) { return _mm256_maskload_ps(p, v_tailmask_(n)); }
static inline void v_storen(float *p, vf v, size_t n) { _mm256_maskstore_ps(p, v_tailmask_(n), v); }

static inline vf v_add(vf a, vf b) { return _mm256_add_ps(a, b); }
static inline vf v_sub(vf a, vf b) { return _mm256_sub_ps(a, b); }
static inline vf v_mul(vf a, vf b) { return _mm256_mul_ps(a, b); }
static inline vf v_div(vf a, vf b) { return _mm256_div_ps(a, b); }
static inline vf v_fma(vf a, vf b, vf c) { return _mm256_fmadd_ps(a, b, c); }
static inline vf v_fms(vf a, vf b, vf c) { return _mm256_fmsub_ps(a, b, c); }
static inline vf v_fnma(vf a, vf b, vf c) { return _mm256_fnmadd_ps(a, b, c); }
/* a*a via FMA: see vec_avx512.h */
static inline vf v_sqr(vf a) { return _mm256_fmadd_ps(a, a, _mm256_set1_ps(-0.0f)); }
static inline vf v_mulz(vf a, vf b) { return _mm256_fmadd_ps(a, b, _mm256_set1_ps(-0.0f)); }
static inline vf v_min(vf a, vf b) { return _mm256_min_ps(a, b); }
static inline vf v_max(vf a, vf b) { return _mm256_max_ps(a, b); }

static inline vf v_signbit(vf a) { return _mm256_and_ps(_mm256_set1_ps(-0.0f), a); }
static inline vf v_or(vf a, vf b) { return _mm256_or_ps(a, b); }
static inline vf v_abs(vf a) { return _mm256_andnot_ps(_mm256_set1_ps(-0.0f), a); }
static inline vf v_neg(vf a) { return _mm256_xor_ps(_mm256_set1_ps(-0.0f), a); }
static inline vf v_nabs(vf a) { return _mm256_or_ps(_mm256_set1_ps(-0.0f), a); }
static inline vf v_nabs_min(vf a, float c) { return _mm256_max_ps(_mm256_set1_ps(-c), v_nabs(a)); }
static inline vf v_copysign(vf mag, vf sgn) {
    const vf s = _mm256_set1_ps(-0.0f);
    return _mm256_or_ps(_mm256_andnot_ps(s, mag), _mm256_and_ps(s, sgn));
}

static inline vm v_lt(vf a, vf b) { return _mm256_cmp_ps(a, b, _CMP_LT_OQ); }
static inline vm v_le(vf a, vf b) { return _mm256_cmp_ps(a, b, _CMP_LE_OQ); }
static inline vm v_gt(vf a, vf b) { return _mm256_cmp_ps(a, b, _CMP_GT_OQ); }
static inline vm v_ge(vf a, vf b) { return _mm256_cmp_ps(a, b, _CMP_GE_OQ); }
static inline vm v_isnan(vf a) { return _mm256_cmp_ps(a, a, _CMP_UNORD_Q); }
static inline vm v_mand(vm a, vm b) { return _mm256_and_ps(a, b); }
static inline vm v_mor(vm a, vm b) { return _mm256_or_ps(a, b); }
static inline vf v_sel(vm m, vf a, vf b) { return _mm256_blendv_ps(b, a, m); }
/* v_sel_sign(s, a, b): a where s's sign bit is set, else b: one blendv. In
 * asm because GCC 12 folds _mm256_blendv_ps into a select on s < 0 and emits
 * a vpcmpgtd before the blend (one operation per vector more: sigmoid +2%,
 * bit-identical) */
static inline vf v_sel_sign(vf s, vf a, vf b) {
    vf r;
    __asm__("vblendvps %3, %2, %1, %0" : "=x"(r) : "x"(b), "x"(a), "x"(s));
    return r;
}

/* Transcendental-kind helpers: semantics in vec_sse2.h. */
#include <sleef.h>

static inline vf v_round(vf x) {
    return _mm256_round_ps(x, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
}
static inline vf v_pow2(vf n) {
    return _mm256_castsi256_ps(
        _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23));
}
static inline vf v_pow2_lo(vf n) { return v_pow2(v_max(n, v_set1(-126.0f))); }
static inline vf v_pow2t(vf t) {
    return _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_castps_si256(t), 23));
}
static inline vf v_ldexp_nm(vf y, vf n) { return v_mul(y, v_pow2(n)); }
static inline vf v_ldexp_lo(vf y, vf n) {
    const __m256i e =
        _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127 + 64)), 23);
    /* the last product may be denormal: an FMA with a -0 addend (see v_sqr) */
    return _mm256_fmadd_ps(_mm256_mul_ps(y, _mm256_castsi256_ps(e)), _mm256_set1_ps(0x1p-64f),
                           _mm256_set1_ps(-0.0f));
}
static inline vf v_ldexp(vf y, vf n) {
    const __m256i ni = _mm256_cvtps_epi32(n), n1 = _mm256_srai_epi32(ni, 1);
    const __m256i n2 = _mm256_sub_epi32(ni, n1), b = _mm256_set1_epi32(127);
    const vf s1 = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_add_epi32(n1, b), 23));
    const vf s2 = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_add_epi32(n2, b), 23));
    return _mm256_fmadd_ps(_mm256_mul_ps(y, s1), s2, _mm256_set1_ps(-0.0f)); /* see v_ldexp_lo */
}
static inline vf v_two_prod(vf a, vf b, vf *lo) {
    const vf hi = _mm256_fmadd_ps(a, b, _mm256_set1_ps(-0.0f)); /* see v_sqr */
    *lo = _mm256_fmsub_ps(a, b, hi);
    return hi;
}
static inline vf v_resid(vf a, vf b, vf c) { return _mm256_fnmadd_ps(a, b, c); }
static inline vf v_recip(vf b) { return _mm256_div_ps(_mm256_set1_ps(1.0f), b); }
static inline vf v_rcp(vf b) { return _mm256_rcp_ps(b); }
static inline vf v_fma1(vf a, vf b, vf c) { return _mm256_fmadd_ps(a, b, c); }
static inline int v_any(vm m) { return _mm256_movemask_ps(m) != 0; }
static inline vm v_eq(vf a, vf b) { return _mm256_cmp_ps(a, b, _CMP_EQ_OQ); }
static inline vm v_isinf(vf a) {
    return _mm256_cmp_ps(v_abs(a), _mm256_set1_ps(__builtin_inff()), _CMP_EQ_OQ);
}
static inline vm v_mnot(vm m) {
    return _mm256_xor_ps(m, _mm256_castsi256_ps(_mm256_set1_epi32(-1)));
}

static inline vf v_lut4(const float *t, vf i) {
    return _mm256_permutevar8x32_ps(_mm256_broadcast_ps((const __m128 *)(const void *)t),
                                    _mm256_cvtps_epi32(i));
}

/* v_lutx(t, x): t[biased exponent of x mod 8] (semantics in vec_sse2.h):
 * vpermps reads the low 3 bits of x >> 23. */
#define ACT_HAS_LUTX 1
static inline vf v_lutx(const float *t, vf x) {
    return _mm256_permutevar8x32_ps(_mm256_loadu_ps(t),
                                    _mm256_srli_epi32(_mm256_castps_si256(x), 23));
}

static inline vf v_exp(vf x) { return Sleef_expf8_u10avx2(x); }
static inline vf v_expm1(vf x) { return Sleef_expm1f8_u10avx2(x); }
static inline vf v_log1p(vf x) { return Sleef_log1pf8_u10avx2(x); }
static inline vf v_tanh(vf x) { return Sleef_tanhf8_u10avx2(x); }
static inline vf v_erf(vf x) { return Sleef_erff8_u10avx2(x); }
static inline vf v_erfc(vf x) { return Sleef_erfcf8_u15avx2(x); }

#endif
