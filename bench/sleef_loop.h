// Body of the SLEEF peer: each transcendental kind composed from SLEEF's u10
// functions (erfc: u15, SLEEF has no u10 erfc), one vector per step. Included
// by sleef_avx512.cc and sleef_avx2.cc after they define the vector layer:
//   V, VLEN                 vector type and its lane count
//   v_set1(c), v_add, v_sub, v_mul, v_div, v_max, v_min, v_abs, v_neg
//   v_gt0_blend(x, a, b)    x > 0 ? a : b, lane-wise
//   v_exp v_expm1 v_log1p v_tanh v_erfc   the SLEEF calls
//   v_loop(f, in, out, n)   applies f to n floats, tail included
//   SLEEF_VARIANT           name of the variant ("u10avx512f")
//   SLEEF_CPU_OK()          true if this CPU runs the variant
// The constants are libact's default parameters, as in plain.cc.
#include <string>

#include "bench.h"

namespace actbench {
namespace {

inline V sl_sigmoid(V x) { return v_div(v_set1(1.0f), v_add(v_set1(1.0f), v_exp(v_neg(x)))); }
inline V sl_softplus(V x) { return v_add(v_max(x, v_set1(0.0f)), v_log1p(v_exp(v_neg(v_abs(x))))); }
inline V sl_elu(V x) { return v_gt0_blend(x, x, v_expm1(x)); }
inline V sl_selu(V x) {
    const V a = v_set1(1.6732632423543772848170429916717f);
    const V scale = v_set1(1.0507009873554804934193349852946f);
    return v_mul(scale, v_gt0_blend(x, x, v_mul(a, v_expm1(x))));
}
inline V sl_celu(V x) { // alpha = 1
    return v_add(v_max(x, v_set1(0.0f)), v_min(v_set1(0.0f), v_expm1(x)));
}
inline V sl_gelu_tanh(V x) {
    V u = v_mul(v_set1(0.7978845608028654f),
                v_add(x, v_mul(v_set1(0.044715f), v_mul(x, v_mul(x, x)))));
    return v_mul(v_mul(v_set1(0.5f), x), v_add(v_set1(1.0f), v_tanh(u)));
}
inline V sl_gelu_erf(V x) { // 0.5 x erfc(-x/sqrt2): no cancellation for x < 0
    return v_mul(v_mul(v_set1(0.5f), x), v_erfc(v_mul(x, v_set1(-0.7071067811865476f))));
}
inline V sl_tanh(V x) { return v_tanh(x); }
inline V sl_silu(V x) { return v_mul(x, sl_sigmoid(x)); }
inline V sl_mish(V x) { return v_mul(x, v_tanh(sl_softplus(x))); }
inline V sl_logsigmoid(V x) {
    return v_sub(v_min(x, v_set1(0.0f)), v_log1p(v_exp(v_neg(v_abs(x)))));
}

#define SL_KIND(name)                                                                              \
    void run_##name(const float *in, float *out, std::size_t n) { v_loop(sl_##name, in, out, n); }
SL_KIND(elu)
SL_KIND(selu)
SL_KIND(celu)
SL_KIND(gelu_tanh)
SL_KIND(gelu_erf)
SL_KIND(sigmoid)
SL_KIND(tanh)
SL_KIND(silu)
SL_KIND(softplus)
SL_KIND(mish)
SL_KIND(logsigmoid)
#undef SL_KIND

kernel_fn sleef_kernel(act_kind kind) {
    switch (kind) {
    case ACT_ELU: return run_elu;
    case ACT_SELU: return run_selu;
    case ACT_CELU: return run_celu;
    case ACT_GELU_TANH: return run_gelu_tanh;
    case ACT_GELU_ERF: return run_gelu_erf;
    case ACT_SIGMOID: return run_sigmoid;
    case ACT_TANH: return run_tanh;
    case ACT_SILU: return run_silu;
    case ACT_SWISH: return run_silu; // beta = 1
    case ACT_SOFTPLUS: return run_softplus;
    case ACT_MISH: return run_mish;
    case ACT_LOGSIGMOID: return run_logsigmoid;
    default: return nullptr;
    }
}

bool sleef_has(act_kind kind) { return sleef_kernel(kind) != nullptr; }

Runner sleef_make(act_kind kind, const act_params *, const float *in, float *out, std::size_t n,
                  std::string *err) {
    kernel_fn f = sleef_kernel(kind);
    if (!f) {
        *err = "no SLEEF composition for this kind";
        return {};
    }
    if (!SLEEF_CPU_OK()) {
        *err = std::string("CPU cannot run SLEEF ") + SLEEF_VARIANT;
        return {};
    }
    return [f, in, out, n] { f(in, out, n); };
}

// SLEEF u10 is within 1 ULP per call; the compositions add a few roundings.
const Peer sleef_peer = {"sleef", SLEEF_VARIANT, {16, 1e-6}, sleef_has, sleef_make};
const PeerRegistrar sleef_registrar(&sleef_peer);

} // namespace
} // namespace actbench
