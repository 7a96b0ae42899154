/*
 * Vector layer, SSE2: 4 float lanes. Included only by kernels_sse2.c, which is
 * compiled with -msse2. Every operation here is specified independently of the
 * ISA so that a kernel body means the same on each:
 *   v_min(a, b) = a < b ? a : b      v_max(a, b) = a > b ? a : b
 *   comparisons are ordered (false when either side is NaN)
 *   v_fma(a, b, c) = a*b + c, fused where the ISA has FMA (SSE2: two roundings)
 */
#ifndef ACT_VEC_SSE2_H
#define ACT_VEC_SSE2_H

#include <emmintrin.h>
#include <stddef.h>

#define ACT_ISA_SUFFIX sse2
#define ACT_VLEN 4
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
static inline vf v_min(vf a, vf b) { return _mm_min_ps(a, b); }
static inline vf v_max(vf a, vf b) { return _mm_max_ps(a, b); }

static inline vf v_abs(vf a) { return _mm_andnot_ps(_mm_set1_ps(-0.0f), a); }
static inline vf v_neg(vf a) { return _mm_xor_ps(_mm_set1_ps(-0.0f), a); }
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

#endif
