// The plain loop baseline: what a user gets from writing each activation as a
// straightforward float loop with libm and compiling it with -O3 -march=native
// (CMake sets those flags on this file only). No intrinsics, no -ffast-math.
// The formulas are the textbook ones, written only as carefully as a user
// would (softplus through max(x,0) + log1p(exp(-|x|)) so it does not overflow),
// with libact's default parameters.
#include <cmath>
#include <cstddef>

#include "bench.h"

namespace actbench {
namespace {

constexpr float kSeluA = 1.6732632423543772848170429916717f;
constexpr float kSeluScale = 1.0507009873554804934193349852946f;
constexpr float kSqrt2OverPi = 0.7978845608028654f;
constexpr float kSqrtHalf = 0.7071067811865476f;

inline float clampf(float x, float lo, float hi) { return x < lo ? lo : (x > hi ? hi : x); }
inline float softplus1(float x) { return (x > 0.0f ? x : 0.0f) + log1pf(expf(-fabsf(x))); }

void relu(const float *in, float *out, std::size_t n) {
    for (std::size_t i = 0; i < n; i++) out[i] = in[i] > 0.0f ? in[i] : 0.0f;
}
void leaky_relu(const float *in, float *out, std::size_t n) {
    for (std::size_t i = 0; i < n; i++) out[i] = in[i] > 0.0f ? in[i] : 0.01f * in[i];
}
void prelu(const float *in, float *out, std::size_t n) {
    // NC layout: rows of kPreluChannels, then the partial last row.
    const float *s = prelu_slopes();
    const std::size_t C = kPreluChannels;
    std::size_t i = 0;
    for (; i + C <= n; i += C)
        for (std::size_t c = 0; c < C; c++) {
            float x = in[i + c];
            out[i + c] = x > 0.0f ? x : s[c] * x;
        }
    for (std::size_t c = 0; i + c < n; c++) {
        float x = in[i + c];
        out[i + c] = x > 0.0f ? x : s[c] * x;
    }
}
void bounded_relu(const float *in, float *out, std::size_t n) {
    for (std::size_t i = 0; i < n; i++) out[i] = clampf(in[i], 0.0f, 6.0f);
}
void relu6(const float *in, float *out, std::size_t n) {
    for (std::size_t i = 0; i < n; i++) out[i] = clampf(in[i], 0.0f, 6.0f);
}
void hardtanh(const float *in, float *out, std::size_t n) {
    for (std::size_t i = 0; i < n; i++) out[i] = clampf(in[i], -1.0f, 1.0f);
}
void elu(const float *in, float *out, std::size_t n) {
    for (std::size_t i = 0; i < n; i++) out[i] = in[i] > 0.0f ? in[i] : expm1f(in[i]);
}
void selu(const float *in, float *out, std::size_t n) {
    for (std::size_t i = 0; i < n; i++)
        out[i] = kSeluScale * (in[i] > 0.0f ? in[i] : kSeluA * expm1f(in[i]));
}
void celu(const float *in, float *out, std::size_t n) {
    const float a = 1.0f;
    for (std::size_t i = 0; i < n; i++) {
        float x = in[i];
        out[i] = (x > 0.0f ? x : 0.0f) + std::fmin(0.0f, a * expm1f(x / a));
    }
}
void gelu_tanh(const float *in, float *out, std::size_t n) {
    for (std::size_t i = 0; i < n; i++) {
        float x = in[i];
        out[i] = 0.5f * x * (1.0f + tanhf(kSqrt2OverPi * (x + 0.044715f * x * x * x)));
    }
}
void gelu_erf(const float *in, float *out, std::size_t n) {
    for (std::size_t i = 0; i < n; i++) out[i] = 0.5f * in[i] * (1.0f + erff(in[i] * kSqrtHalf));
}
void sigmoid(const float *in, float *out, std::size_t n) {
    for (std::size_t i = 0; i < n; i++) out[i] = 1.0f / (1.0f + expf(-in[i]));
}
void tanh_(const float *in, float *out, std::size_t n) {
    for (std::size_t i = 0; i < n; i++) out[i] = tanhf(in[i]);
}
void silu(const float *in, float *out, std::size_t n) {
    for (std::size_t i = 0; i < n; i++) out[i] = in[i] / (1.0f + expf(-in[i]));
}
void softplus(const float *in, float *out, std::size_t n) {
    for (std::size_t i = 0; i < n; i++) out[i] = softplus1(in[i]);
}
void mish(const float *in, float *out, std::size_t n) {
    for (std::size_t i = 0; i < n; i++) out[i] = in[i] * tanhf(softplus1(in[i]));
}
void hardsigmoid(const float *in, float *out, std::size_t n) {
    for (std::size_t i = 0; i < n; i++) out[i] = clampf(in[i] + 3.0f, 0.0f, 6.0f) / 6.0f;
}
void hardswish(const float *in, float *out, std::size_t n) {
    for (std::size_t i = 0; i < n; i++) out[i] = in[i] * clampf(in[i] + 3.0f, 0.0f, 6.0f) / 6.0f;
}
void softsign(const float *in, float *out, std::size_t n) {
    for (std::size_t i = 0; i < n; i++) out[i] = in[i] / (1.0f + fabsf(in[i]));
}
void logsigmoid(const float *in, float *out, std::size_t n) {
    for (std::size_t i = 0; i < n; i++) {
        float x = in[i];
        out[i] = (x < 0.0f ? x : 0.0f) - log1pf(expf(-fabsf(x)));
    }
}
void swish(const float *in, float *out, std::size_t n) {
    const float beta = 1.0f;
    for (std::size_t i = 0; i < n; i++) out[i] = in[i] / (1.0f + expf(-beta * in[i]));
}

bool plain_has(act_kind kind) { return plain_kernel(kind) != nullptr; }

Runner plain_make(act_kind kind, const act_params *, const float *in, float *out, std::size_t n,
                  std::string *err) {
    kernel_fn f = plain_kernel(kind);
    if (!f) {
        *err = "no plain loop for this kind";
        return {};
    }
    return [f, in, out, n] { f(in, out, n); };
}

} // namespace

kernel_fn plain_kernel(act_kind kind) {
    switch (kind) {
    case ACT_RELU: return relu;
    case ACT_LEAKY_RELU: return leaky_relu;
    case ACT_PRELU: return prelu;
    case ACT_BOUNDED_RELU: return bounded_relu;
    case ACT_RELU6: return relu6;
    case ACT_HARDTANH: return hardtanh;
    case ACT_ELU: return elu;
    case ACT_SELU: return selu;
    case ACT_CELU: return celu;
    case ACT_GELU_TANH: return gelu_tanh;
    case ACT_GELU_ERF: return gelu_erf;
    case ACT_SIGMOID: return sigmoid;
    case ACT_TANH: return tanh_;
    case ACT_SILU: return silu;
    case ACT_SOFTPLUS: return softplus;
    case ACT_MISH: return mish;
    case ACT_HARDSIGMOID: return hardsigmoid;
    case ACT_HARDSWISH: return hardswish;
    case ACT_SOFTSIGN: return softsign;
    case ACT_LOGSIGMOID: return logsigmoid;
    case ACT_SWISH: return swish;
    }
    return nullptr;
}

// libm (glibc) float functions are within a few ULP; the formulas cancel near
// zero (gelu_erf for x < -4, celu/elu through expm1 are fine), hence abs 1e-6.
const Peer plain_peer = {"plain", "native", {16, 1e-6}, plain_has, plain_make};

} // namespace actbench
