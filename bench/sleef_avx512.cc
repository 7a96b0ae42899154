// SLEEF peer, AVX-512 variant: Sleef_*f16_u10avx512f. Built with AVX-512 flags
// (CMake, this file only); runs only when the CPU has AVX-512F.
#include <immintrin.h>
#include <sleef.h>

#include <cstddef>

using V = __m512;
static inline V v_set1(float c) { return _mm512_set1_ps(c); }
static inline V v_add(V a, V b) { return _mm512_add_ps(a, b); }
static inline V v_sub(V a, V b) { return _mm512_sub_ps(a, b); }
static inline V v_mul(V a, V b) { return _mm512_mul_ps(a, b); }
static inline V v_div(V a, V b) { return _mm512_div_ps(a, b); }
static inline V v_max(V a, V b) { return _mm512_max_ps(a, b); }
static inline V v_min(V a, V b) { return _mm512_min_ps(a, b); }
static inline V v_abs(V a) { return _mm512_abs_ps(a); }
static inline V v_neg(V a) { return _mm512_sub_ps(_mm512_setzero_ps(), a); }
static inline V v_gt0_blend(V x, V a, V b) {
    return _mm512_mask_blend_ps(_mm512_cmp_ps_mask(x, _mm512_setzero_ps(), _CMP_GT_OQ), b, a);
}
static inline V v_exp(V x) { return Sleef_expf16_u10avx512f(x); }
static inline V v_expm1(V x) { return Sleef_expm1f16_u10avx512f(x); }
static inline V v_log1p(V x) { return Sleef_log1pf16_u10avx512f(x); }
static inline V v_tanh(V x) { return Sleef_tanhf16_u10avx512f(x); }
static inline V v_erfc(V x) { return Sleef_erfcf16_u15avx512f(x); }
template <class F> static inline void v_loop(F f, const float *in, float *out, std::size_t n) {
    std::size_t i = 0;
    for (; i + 16 <= n; i += 16) _mm512_storeu_ps(out + i, f(_mm512_loadu_ps(in + i)));
    if (i < n) {
        __mmask16 m = (__mmask16)((1u << (n - i)) - 1);
        _mm512_mask_storeu_ps(out + i, m, f(_mm512_maskz_loadu_ps(m, in + i)));
    }
}
#define SLEEF_VARIANT "u10avx512f"
#define SLEEF_CPU_OK() __builtin_cpu_supports("avx512f")

#include "sleef_loop.h"
