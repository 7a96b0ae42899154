// SLEEF peer, AVX2 variant: Sleef_*f8_u10avx2. Built with -mavx2 -mfma (CMake,
// this file only); runs only when the CPU has AVX2 and FMA.
#include <immintrin.h>
#include <sleef.h>

#include <cstddef>
#include <cstring>

using V = __m256;
static inline V v_set1(float c) { return _mm256_set1_ps(c); }
static inline V v_add(V a, V b) { return _mm256_add_ps(a, b); }
static inline V v_sub(V a, V b) { return _mm256_sub_ps(a, b); }
static inline V v_mul(V a, V b) { return _mm256_mul_ps(a, b); }
static inline V v_div(V a, V b) { return _mm256_div_ps(a, b); }
static inline V v_max(V a, V b) { return _mm256_max_ps(a, b); }
static inline V v_min(V a, V b) { return _mm256_min_ps(a, b); }
static inline V v_abs(V a) { return _mm256_andnot_ps(_mm256_set1_ps(-0.0f), a); }
static inline V v_neg(V a) { return _mm256_xor_ps(_mm256_set1_ps(-0.0f), a); }
static inline V v_gt0_blend(V x, V a, V b) {
    return _mm256_blendv_ps(b, a, _mm256_cmp_ps(x, _mm256_setzero_ps(), _CMP_GT_OQ));
}
static inline V v_exp(V x) { return Sleef_expf8_u10avx2(x); }
static inline V v_expm1(V x) { return Sleef_expm1f8_u10avx2(x); }
static inline V v_log1p(V x) { return Sleef_log1pf8_u10avx2(x); }
static inline V v_tanh(V x) { return Sleef_tanhf8_u10avx2(x); }
static inline V v_erfc(V x) { return Sleef_erfcf8_u15avx2(x); }
template <class F> static inline void v_loop(F f, const float *in, float *out, std::size_t n) {
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) _mm256_storeu_ps(out + i, f(_mm256_loadu_ps(in + i)));
    if (i < n) { // partial vector through a stack copy: never touches in[n], out[n]
        float t[8] = {0};
        std::memcpy(t, in + i, (n - i) * sizeof(float));
        _mm256_storeu_ps(t, f(_mm256_loadu_ps(t)));
        std::memcpy(out + i, t, (n - i) * sizeof(float));
    }
}
#define SLEEF_VARIANT "u10avx2"
#define SLEEF_CPU_OK() (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))

#include "sleef_loop.h"
