/*
 * Vector layer, SSE2: 4 float lanes. Included only by kernels_sse2.c, which is
 * compiled with -msse2. Every operation here is specified independently of the
 * ISA so that a kernel body means the same on each:
 *   v_min(a, b) = a < b ? a : b      v_max(a, b) = a > b ? a : b
 *   comparisons are ordered (false when either side is NaN)
 *   v_fma(a, b, c) = a*b + c, fused where the ISA has FMA (SSE2: two roundings)
 *   v_fms(a, b, c) = a*b - c, the same way
 *   v_fnma(a, b, c) = c - a*b, the same way (-(a*b) + c: the sign of a zero
 *                    result as an FMA gives it)
 *   v_signbit(a) = a's sign bit as a float (+-0; a NaN may give a NaN)
 *   v_sel_sign(s, a, b) = a where s's sign bit is set (negative, -0, a NaN
 *                    with the sign bit), else b: one blendv on AVX2
 *   v_or(a, b) = the bitwise or: v_or(m, v_signbit(x)) is m with x's sign for
 *                    m >= +0, one operation after m where v_copysign is two or
 *                    three (AVX-512: one vpternlogd, but on the FMA pipes)
 *   v_sqr(a) = a*a (FMA ISAs: an FMA, whose denormal results are not slow)
 *   v_mulz(a, b) = a*b, the same way: for products that may be denormal
 */
#ifndef ACT_VEC_SSE2_H
#define ACT_VEC_SSE2_H

#include <emmintrin.h>
#include <stddef.h>

#define ACT_ISA_SUFFIX sse2
#define ACT_VLEN ((size_t)4)
#define ACT_HAS_FMA 0

typedef __m128 vf;
typedef __m128 vm; /* all-ones lanes where true */

static inline vf v_set1(float x) { return _mm_set1_ps(x); }
static inline vf v_zero(void) { return _mm_setzero_ps(); }
static inline vf v_load(const float *p) { return _mm_loadu_ps(p); }
static inline void v_store(float *p, vf v) { _mm_storeu_ps(p, v); }

/* Tails (0 < n < ACT_VLEN) go through a stack buffer: never touch p[n]. */
static inline vf v_loadn(const float *p, size_t n) {
    float t[ACT_VLEN] = {0};
    for (size_t i = 0; i < n; i++) t[i] = p[i];
    return _mm_loadu_ps(t);
}
static inline void v_storen(float *p, vf v, size_t n) {
    float t[ACT_VLEN];
    _mm_storeu_ps(t, v);
    for (size_t i = 0; i < n; i++) p[i] = t[i];
}

static inline vf v_add(vf a, vf b) { return _mm_add_ps(a, b); }
static inline vf v_sub(vf a, vf b) { return _mm_sub_ps(a, b); }
static inline vf v_mul(vf a, vf b) { return _mm_mul_ps(a, b); }
static inline vf v_div(vf a, vf b) { return _mm_div_ps(a, b); }
static inline vf v_fma(vf a, vf b, vf c) { return _mm_add_ps(_mm_mul_ps(a, b), c); }
static inline vf v_fms(vf a, vf b, vf c) { return _mm_sub_ps(_mm_mul_ps(a, b), c); }
static inline vf v_fnma(vf a, vf b, vf c) { return _mm_sub_ps(c, _mm_mul_ps(a, b)); }
static inline vf v_sqr(vf a) { return _mm_mul_ps(a, a); }
static inline vf v_mulz(vf a, vf b) { return _mm_mul_ps(a, b); }
static inline vf v_min(vf a, vf b) { return _mm_min_ps(a, b); }
static inline vf v_max(vf a, vf b) { return _mm_max_ps(a, b); }

static inline vf v_signbit(vf a) { return _mm_and_ps(_mm_set1_ps(-0.0f), a); }
static inline vf v_or(vf a, vf b) { return _mm_or_ps(a, b); }
static inline vf v_abs(vf a) { return _mm_andnot_ps(_mm_set1_ps(-0.0f), a); }
static inline vf v_neg(vf a) { return _mm_xor_ps(_mm_set1_ps(-0.0f), a); }
/* -|a| in one operation (NaN stays NaN) */
static inline vf v_nabs(vf a) { return _mm_or_ps(_mm_set1_ps(-0.0f), a); }
/* -min(|a|, c) for a constant c > 0, the clamp the exp-based kinds put on
 * -|x|. A NaN a gives NaN here and on AVX2 and NEON, but -c on AVX-512
 * (VRANGEPS treats a quiet NaN as missing, as IEEE 754-2008 minNum does):
 * a kernel using it carries NaN through another operand. */
static inline vf v_nabs_min(vf a, float c) { return _mm_max_ps(_mm_set1_ps(-c), v_nabs(a)); }
/* |mag| with the sign of sgn */
static inline vf v_copysign(vf mag, vf sgn) {
    const vf s = _mm_set1_ps(-0.0f);
    return _mm_or_ps(_mm_andnot_ps(s, mag), _mm_and_ps(s, sgn));
}

static inline vm v_lt(vf a, vf b) { return _mm_cmplt_ps(a, b); }
static inline vm v_le(vf a, vf b) { return _mm_cmple_ps(a, b); }
static inline vm v_gt(vf a, vf b) { return _mm_cmpgt_ps(a, b); }
static inline vm v_ge(vf a, vf b) { return _mm_cmpge_ps(a, b); }
static inline vm v_isnan(vf a) { return _mm_cmpunord_ps(a, a); }
static inline vm v_mand(vm a, vm b) { return _mm_and_ps(a, b); }
static inline vm v_mor(vm a, vm b) { return _mm_or_ps(a, b); }
/* m ? a : b, per lane */
static inline vf v_sel(vm m, vf a, vf b) { return _mm_or_ps(_mm_and_ps(m, a), _mm_andnot_ps(m, b)); }
static inline vf v_sel_sign(vf s, vf a, vf b) {
    return v_sel(_mm_castsi128_ps(_mm_srai_epi32(_mm_castps_si128(s), 31)), a, b);
}

/*
 * Added for the transcendental kinds (src/kernels/exp_core.h and friends).
 *   v_round(x)       x rounded to the nearest integer, ties to even, as a float;
 *                    |x| <= 2^22 (beyond, x is returned unchanged on every ISA
 *                    but SSE2; callers keep |x| small).
 *   v_pow2(n)        2^n for an integral n in [-126, 127].
 *   v_pow2_lo(n)     the same for an integral n <= 127 that may be below -126:
 *                    then some value in [0, 2^-126] (AVX-512: 2^n rounded; others:
 *                    2^-126). For sums p + 2^n with p >= 2^-2.
 *   v_ldexp(y, n)    y*2^n rounded once (denormal results included), for an
 *                    integral n in [-252, 254] and y normal, inf, NaN or 0.
 *                    (AVX-512: vscalefps; others: two exact power-of-2
 *                    factors 2^(n>>1) and 2^(n-(n>>1)), only the last rounds.)
 *   v_ldexp_lo(y, n) the same for an integral n in [-190, 63] and 2^-60 <= |y|
 *                    <= 2^60 (or NaN): y * 2^(n+64) is exact and normal, then
 *                    * 2^-64 rounds once. Five operations against v_ldexp's
 *                    nine; AVX-512: vscalefps as v_ldexp.
 *   v_ldexp_nm(y, n) y*2^n rounded once (denormal results included) for an
 *                    integral n in [-126, 127] and y normal: y * v_pow2(n), 2^n
 *                    itself being normal; four operations against v_ldexp_lo's
 *                    five. AVX-512: vscalefps.
 *   v_pow2t(t)       2^n for t = 1.5*2^23 + 127 + n, n integral in [-126, 127]
 *                    (a magic-number sum, ACT_EXPP_MAGIC): t's low bits
 *                    shifted into the exponent field, one shift.
 *   v_two_prod(a, b, &lo)  hi = a*b rounded, lo = a*b - hi exactly (no
 *                    overflow/underflow). FMA ISAs: fms; SSE2: Dekker/Veltkamp.
 *   v_resid(a, b, c) c - a*b, exact when the exact result is a float and
 *                    c, a*b are within a factor 2 (the residual of a quotient
 *                    or square root). FMA ISAs: one fnmadd; SSE2: Dekker.
 *   v_recip(b)       1/b rounded (division); the kernels refine what depends on it.
 *   v_rcp(b)         1/b to at least 8 bits (an estimate: only for corrections
 *                    already ~2^-24 of the result, where 2^-8 of them is nothing)
 *   v_fma1(a, b, c)  a*b + c rounded once: the FMA where the ISA has one; SSE2
 *                    forms a*b exactly (v_two_prod) and adds with 2Sum (within
 *                    0.5 ULP + 2^-44 relative). For the few places where one
 *                    rounding matters; v_fma is mul + add on SSE2.
 *   v_any(m)         1 if any lane of m is true.
 *   v_isinf(a)       |a| == inf.   v_eq(a, b) a == b (ordered).
 *   v_mnot(m)        !m.
 *   v_lut4(t, i)     t[i] per lane, for a 4-float table t and integral i in 0..3.
 *   v_lutx(t, x)     t[e mod 8] per lane, e the biased exponent field of x >= 0
 *                    (bits 23..30), for a 16-float table t with t[i + 8] = t[i]:
 *                    one shift and one permute. Only where ACT_HAS_LUTX is
 *                    defined (AVX-512, AVX2: a variable permute; NEON: TBL).
 *   v_lutxh(t, x)    t[(bits of x >> 22) mod 16] per lane, for x >= 0 and a
 *                    16-float table t: the biased exponent mod 8, then the top
 *                    mantissa bit (a half binade). Only where ACT_HAS_LUTXH is
 *                    defined (AVX-512: one permute).
 *   v_exp v_expm1 v_log1p v_tanh v_erf (SLEEF u10) v_erfc (SLEEF u15): the
 *                    SLEEF functions by their ISA-suffixed names.
 */
#include <sleef.h>

static inline vf v_round(vf x) {
    /* adding and removing 1.5*2^23 rounds to an integer (ties to even) for |x| <= 2^22 */
    const vf m = _mm_set1_ps(12582912.0f);
    return _mm_sub_ps(_mm_add_ps(x, m), m);
}
static inline vf v_pow2(vf n) {
    return _mm_castsi128_ps(_mm_slli_epi32(_mm_add_epi32(_mm_cvtps_epi32(n), _mm_set1_epi32(127)), 23));
}
static inline vf v_pow2_lo(vf n) { return v_pow2(v_max(n, v_set1(-126.0f))); }
static inline vf v_pow2t(vf t) { return _mm_castsi128_ps(_mm_slli_epi32(_mm_castps_si128(t), 23)); }
static inline vf v_ldexp_nm(vf y, vf n) { return v_mul(y, v_pow2(n)); }
static inline vf v_ldexp_lo(vf y, vf n) {
    const __m128i e = _mm_slli_epi32(_mm_add_epi32(_mm_cvtps_epi32(n), _mm_set1_epi32(127 + 64)), 23);
    return _mm_mul_ps(_mm_mul_ps(y, _mm_castsi128_ps(e)), _mm_set1_ps(0x1p-64f));
}
static inline vf v_ldexp(vf y, vf n) {
    const __m128i ni = _mm_cvtps_epi32(n), n1 = _mm_srai_epi32(ni, 1), n2 = _mm_sub_epi32(ni, n1);
    const __m128i b = _mm_set1_epi32(127);
    const vf s1 = _mm_castsi128_ps(_mm_slli_epi32(_mm_add_epi32(n1, b), 23));
    const vf s2 = _mm_castsi128_ps(_mm_slli_epi32(_mm_add_epi32(n2, b), 23));
    return _mm_mul_ps(_mm_mul_ps(y, s1), s2);
}
/* Veltkamp split: a = ah + al, each half with at most 12 significant bits. */
static inline void v_split_(vf a, vf *ah, vf *al) {
    const vf c = _mm_mul_ps(a, _mm_set1_ps(4097.0f)); /* 2^12 + 1 */
    *ah = _mm_sub_ps(c, _mm_sub_ps(c, a));
    *al = _mm_sub_ps(a, *ah);
}
/* Dekker's product. An operand below 2^-60 is scaled by 2^40 first and lo
 * scaled back: the split's low half of an operand below 2^-114 is denormal,
 * and a caller's FTZ/DAZ would flush it (lo off by up to 2^-12 of hi). */
static inline vf v_two_prod(vf a, vf b, vf *lo) {
    vf ah, al, bh, bl;
    const vf hi = _mm_mul_ps(a, b), tiny = _mm_set1_ps(0x1p-60f), one = _mm_set1_ps(1.0f);
    const vm ma = _mm_cmplt_ps(v_abs(a), tiny), mb = _mm_cmplt_ps(v_abs(b), tiny);
    const vf a2 = _mm_mul_ps(a, v_sel(ma, _mm_set1_ps(0x1p40f), one));
    const vf b2 = _mm_mul_ps(b, v_sel(mb, _mm_set1_ps(0x1p40f), one));
    const vf hi2 = _mm_mul_ps(a2, b2);
    v_split_(a2, &ah, &al);
    v_split_(b2, &bh, &bl);
    const vf lo2 = _mm_add_ps(_mm_add_ps(_mm_add_ps(_mm_sub_ps(_mm_mul_ps(ah, bh), hi2), _mm_mul_ps(ah, bl)),
                                         _mm_mul_ps(al, bh)),
                              _mm_mul_ps(al, bl));
    *lo = _mm_mul_ps(_mm_mul_ps(lo2, v_sel(ma, _mm_set1_ps(0x1p-40f), one)),
                     v_sel(mb, _mm_set1_ps(0x1p-40f), one));
    return hi;
}
static inline vf v_resid(vf a, vf b, vf c) {
    vf lo;
    const vf hi = v_two_prod(a, b, &lo);
    return _mm_sub_ps(_mm_sub_ps(c, hi), lo);
}
static inline vf v_recip(vf b) { return _mm_div_ps(_mm_set1_ps(1.0f), b); }
static inline vf v_rcp(vf b) { return _mm_rcp_ps(b); }
static inline vf v_fma1(vf a, vf b, vf c) {
    vf lo;
    const vf hi = v_two_prod(a, b, &lo);
    const vf s = _mm_add_ps(hi, c), bb = _mm_sub_ps(s, hi);
    const vf err = _mm_add_ps(_mm_sub_ps(hi, _mm_sub_ps(s, bb)), _mm_sub_ps(c, bb));
    return _mm_add_ps(s, _mm_add_ps(err, lo));
}
static inline int v_any(vm m) { return _mm_movemask_ps(m) != 0; }
static inline vm v_eq(vf a, vf b) { return _mm_cmpeq_ps(a, b); }
static inline vm v_isinf(vf a) { return _mm_cmpeq_ps(v_abs(a), _mm_set1_ps(__builtin_inff())); }
static inline vm v_mnot(vm m) { return _mm_xor_ps(m, _mm_castsi128_ps(_mm_set1_epi32(-1))); }

static inline vf v_lut4(const float *t, vf i) {
    vf r = v_sel(_mm_cmpge_ps(i, _mm_set1_ps(1.0f)), _mm_set1_ps(t[1]), _mm_set1_ps(t[0]));
    r = v_sel(_mm_cmpge_ps(i, _mm_set1_ps(2.0f)), _mm_set1_ps(t[2]), r);
    return v_sel(_mm_cmpge_ps(i, _mm_set1_ps(3.0f)), _mm_set1_ps(t[3]), r);
}

static inline vf v_exp(vf x) { return Sleef_expf4_u10sse2(x); }
static inline vf v_expm1(vf x) { return Sleef_expm1f4_u10sse2(x); }
static inline vf v_log1p(vf x) { return Sleef_log1pf4_u10sse2(x); }
static inline vf v_tanh(vf x) { return Sleef_tanhf4_u10sse2(x); }
static inline vf v_erf(vf x) { return Sleef_erff4_u10sse2(x); }
static inline vf v_erfc(vf x) { return Sleef_erfcf4_u15sse2(x); }

#endif
