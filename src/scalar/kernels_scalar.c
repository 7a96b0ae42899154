/*
 * The scalar path: every kind, one element at a time, computed in double and
 * rounded once to float. Double carries 29 more bits than the result needs,
 * so as long as no step cancels (the formulations below avoid it) the only
 * visible error is the final rounding: <= 1 ULP from the correctly rounded
 * result (0 for the kinds that are exact in float). This is the fallback for
 * kinds an ISA has no kernel for, and the tests' second opinion.
 */
#include <math.h>

#include "../internal.h"
#include "../kernels/list.h"

/* PyTorch's SELU constants (torch/nn/modules/activation.py). */
#define ACT_SELU_ALPHA 1.6732632423543772848170429916717
#define ACT_SELU_SCALE 1.0507009873554804934193349852946
/* sqrt(2/pi) and 1/sqrt(2) to double precision. */
#define ACT_SQRT_2_OVER_PI 0.79788456080286535587989211986876
#define ACT_SQRT1_2 0.70710678118654752440084436210485

/* 1/(1+e^-z) without overflow: e^-|z| is in (0, 1]. */
static double sigmoid_d(double z) {
    const double e = exp(-fabs(z));
    return z >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
}

/* log(1 + e^z) = max(z, 0) + log1p(e^-|z|): no overflow, no cancellation. */
static double softplus_d(double z) { return fmax(z, 0.0) + log1p(exp(-fabs(z))); }

static float relu_s(float x, const act_kargs *a) {
    (void)a;
    return x > 0 || isnan(x) ? x : 0.0f;
}
static float leaky_relu_s(float x, const act_kargs *a) {
    return x > 0 || isnan(x) ? x : x * a->alpha;
}
static float bounded_relu_s(float x, const act_kargs *a) {
    if (isnan(x)) return x;
    return x <= 0 ? 0.0f : (x > a->alpha ? a->alpha : x);
}
static float relu6_s(float x, const act_kargs *a) {
    (void)a;
    if (isnan(x)) return x;
    return x <= 0 ? 0.0f : (x > 6.0f ? 6.0f : x);
}
static float hardtanh_s(float x, const act_kargs *a) {
    if (isnan(x)) return x;
    return x < a->alpha ? a->alpha : (x > a->beta ? a->beta : x);
}
static float elu_s(float x, const act_kargs *a) {
    return x > 0 || isnan(x) ? x : (float)((double)a->alpha * expm1((double)x));
}
static float selu_s(float x, const act_kargs *a) {
    (void)a;
    if (isnan(x)) return x;
    return (float)(x > 0 ? ACT_SELU_SCALE * x : ACT_SELU_SCALE * ACT_SELU_ALPHA * expm1((double)x));
}
/* max(0,x) + min(0, alpha*expm1(x/alpha)) is x for x > 0 whatever alpha's sign. */
static float celu_s(float x, const act_kargs *a) {
    if (x > 0 || isnan(x)) return x;
    const double al = a->alpha;
    return (float)(al * expm1((double)x / al));
}
static float gelu_tanh_s(float x, const act_kargs *a) {
    (void)a;
    if (isnan(x)) return x;
    if (isinf(x)) return x > 0 ? x : -0.0f;
    const double d = x, u = ACT_SQRT_2_OVER_PI * (d + 0.044715 * d * d * d);
    return (float)(d * sigmoid_d(2.0 * u));
}
static float gelu_erf_s(float x, const act_kargs *a) {
    (void)a;
    if (isnan(x)) return x;
    if (isinf(x)) return x > 0 ? x : -0.0f;
    const double d = x;
    /* erfc keeps the relative accuracy that 1 + erf(z) loses for z < 0 */
    return (float)(d >= 0 ? 0.5 * d * (1.0 + erf(d * ACT_SQRT1_2))
                          : 0.5 * d * erfc(-d * ACT_SQRT1_2));
}
static float sigmoid_s(float x, const act_kargs *a) {
    (void)a;
    return isnan(x) ? x : (float)sigmoid_d(x);
}
static float tanh_s(float x, const act_kargs *a) {
    (void)a;
    return (float)tanh((double)x);
}
static float silu_s(float x, const act_kargs *a) {
    (void)a;
    if (isnan(x)) return x;
    if (isinf(x)) return x > 0 ? x : -0.0f;
    return (float)((double)x * sigmoid_d(x));
}
static float swish_s(float x, const act_kargs *a) {
    if (isnan(x)) return x;
    const double z = (double)a->alpha * x; /* exact: 24x24-bit product */
    if (isinf(x)) return a->alpha == 0 || z > 0 ? x : copysignf(0.0f, x); /* z = 0*inf is NaN */
    return (float)((double)x * sigmoid_d(z));
}
static float softplus_s(float x, const act_kargs *a) {
    if (isnan(x)) return x;
    const double b = a->alpha;
    return (float)(softplus_d(b * x) / b);
}
static float logsigmoid_s(float x, const act_kargs *a) {
    (void)a;
    return isnan(x) ? x : (float)-softplus_d(-(double)x);
}
static float mish_s(float x, const act_kargs *a) {
    (void)a;
    if (isnan(x)) return x;
    if (isinf(x)) return x > 0 ? x : -0.0f;
    return (float)((double)x * tanh(softplus_d(x)));
}
static float hardsigmoid_s(float x, const act_kargs *a) {
    (void)a;
    if (isnan(x)) return x;
    const double t = (double)x + 3.0;
    return (float)(t <= 0 ? 0.0 : (t >= 6 ? 1.0 : t / 6.0));
}
static float hardswish_s(float x, const act_kargs *a) {
    (void)a;
    if (isnan(x)) return x;
    const double t = (double)x + 3.0;
    return (float)(t <= 0 ? 0.0 : (t >= 6 ? (double)x : (double)x * t / 6.0));
}
static float softsign_s(float x, const act_kargs *a) {
    (void)a;
    if (isinf(x)) return copysignf(1.0f, x);
    return (float)((double)x / (1.0 + fabs((double)x)));
}

/* prelu: the slope walks the channels as i advances. */
void act_f32_prelu__scalar(const float *in, float *out, size_t n, const act_kargs *a);
void act_f32_prelu__scalar(const float *in, float *out, size_t n, const act_kargs *a) {
    size_t c = 0, r = 0;
    for (size_t i = 0; i < n; i++) {
        const float x = in[i];
        out[i] = x > 0 || isnan(x) ? x : x * a->slopes[c];
        if (++r == a->inner) {
            r = 0;
            if (++c == a->channels) c = 0;
        }
    }
}

#define ACT_SCALAR_KERNEL_(E, name)                                                                \
    void act_f32_##name##__scalar(const float *in, float *out, size_t n, const act_kargs *a);      \
    void act_f32_##name##__scalar(const float *in, float *out, size_t n, const act_kargs *a) {     \
        const act_kargs k = *a;                                                                    \
        for (size_t i = 0; i < n; i++) out[i] = name##_s(in[i], &k);                               \
    }
ACT_SCALAR_KERNEL_(RELU, relu)
ACT_SCALAR_KERNEL_(LEAKY_RELU, leaky_relu)
ACT_SCALAR_KERNEL_(BOUNDED_RELU, bounded_relu)
ACT_SCALAR_KERNEL_(RELU6, relu6)
ACT_SCALAR_KERNEL_(HARDTANH, hardtanh)
ACT_SCALAR_KERNEL_(ELU, elu)
ACT_SCALAR_KERNEL_(SELU, selu)
ACT_SCALAR_KERNEL_(CELU, celu)
ACT_SCALAR_KERNEL_(GELU_TANH, gelu_tanh)
ACT_SCALAR_KERNEL_(GELU_ERF, gelu_erf)
ACT_SCALAR_KERNEL_(SIGMOID, sigmoid)
ACT_SCALAR_KERNEL_(TANH, tanh)
ACT_SCALAR_KERNEL_(SILU, silu)
ACT_SCALAR_KERNEL_(SOFTPLUS, softplus)
ACT_SCALAR_KERNEL_(MISH, mish)
ACT_SCALAR_KERNEL_(HARDSIGMOID, hardsigmoid)
ACT_SCALAR_KERNEL_(HARDSWISH, hardswish)
ACT_SCALAR_KERNEL_(SOFTSIGN, softsign)
ACT_SCALAR_KERNEL_(LOGSIGMOID, logsigmoid)
ACT_SCALAR_KERNEL_(SWISH, swish)

#define ACT_SCALAR_ENTRY_(E, name) [ACT_##E] = act_f32_##name##__scalar,
const act_kernel_fn act_kernels__scalar[ACT_KIND_COUNT + 1] = {ACT_KIND_LIST(ACT_SCALAR_ENTRY_)};
