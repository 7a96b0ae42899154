// Eigen peer: each kind as an Eigen::Array expression over Eigen::Map'ed
// buffers, evaluated by Eigen's own vectorized packet math. Built with
// -O3 -march=native (CMake, this file only) so Eigen uses the widest packets
// the machine has, as a user tuning for it would. libact's default parameters.
#include <Eigen/Core>
#include <unsupported/Eigen/SpecialFunctions>

#include <string>

#include "bench.h"

namespace actbench {
namespace {

using CMap = Eigen::Map<const Eigen::ArrayXf>;
using Map = Eigen::Map<Eigen::ArrayXf>;
using CMap2 = Eigen::Map<const Eigen::ArrayXXf>;
using Map2 = Eigen::Map<Eigen::ArrayXXf>;

constexpr float kSeluA = 1.6732632423543772848170429916717f;
constexpr float kSeluScale = 1.0507009873554804934193349852946f;

template <class X> auto softplus_expr(const X &x) { return x.max(0.0f) + (-x.abs()).exp().log1p(); }

void run(act_kind kind, const float *in, float *out, std::size_t n) {
    const Eigen::Index m = static_cast<Eigen::Index>(n);
    CMap x(in, m);
    Map y(out, m);
    switch (kind) {
    case ACT_RELU: y = x.max(0.0f); break;
    case ACT_LEAKY_RELU: y = (x > 0.0f).select(x, 0.01f * x); break;
    case ACT_PRELU: {
        // NC layout: a kPreluChannels x (n / kPreluChannels) column-major array,
        // one slope per row (n is a multiple of kPreluChannels: make() checks).
        const Eigen::Index C = kPreluChannels;
        CMap2 X(in, C, m / C);
        Map2 Y(out, C, m / C);
        Eigen::Map<const Eigen::ArrayXf> s(prelu_slopes(), C);
        Y = (X > 0.0f).select(X, X.colwise() * s);
        break;
    }
    case ACT_BOUNDED_RELU:
    case ACT_RELU6: y = x.max(0.0f).min(6.0f); break;
    case ACT_HARDTANH: y = x.max(-1.0f).min(1.0f); break;
    case ACT_ELU: y = (x > 0.0f).select(x, x.expm1()); break;
    case ACT_SELU: y = kSeluScale * (x > 0.0f).select(x, kSeluA * x.expm1()); break;
    case ACT_CELU: y = x.max(0.0f) + x.expm1().min(0.0f); break; // alpha = 1
    case ACT_GELU_TANH:
        y = 0.5f * x * (1.0f + (0.7978845608028654f * (x + 0.044715f * x.cube())).tanh());
        break;
    case ACT_GELU_ERF: y = 0.5f * x * (1.0f + (x * 0.7071067811865476f).erf()); break;
    case ACT_SIGMOID: y = x.logistic(); break;
    case ACT_TANH: y = x.tanh(); break;
    case ACT_SILU:
    case ACT_SWISH: y = x * x.logistic(); break; // swish: beta = 1
    case ACT_SOFTPLUS: y = softplus_expr(x); break;
    case ACT_MISH: y = x * softplus_expr(x).tanh(); break;
    case ACT_HARDSIGMOID: y = (x + 3.0f).max(0.0f).min(6.0f) / 6.0f; break;
    case ACT_HARDSWISH: y = x * (x + 3.0f).max(0.0f).min(6.0f) / 6.0f; break;
    case ACT_SOFTSIGN: y = x / (1.0f + x.abs()); break;
    case ACT_LOGSIGMOID: y = x.min(0.0f) - (-x.abs()).exp().log1p(); break;
    }
}

bool eigen_has(act_kind kind) { return kind >= 1 && kind <= ACT_KIND_COUNT; }

Runner eigen_make(act_kind kind, const act_params *, const float *in, float *out, std::size_t n,
                  std::string *err) {
    if (kind == ACT_PRELU && n % kPreluChannels != 0) {
        *err = "Eigen PReLU binding needs n to be a multiple of the channel count";
        return {};
    }
    return [kind, in, out, n] { run(kind, in, out, n); };
}

// Eigen's float tanh/logistic/erf are fitted approximations of a few ULP;
// x * logistic(x) and 1 + erf cancel near zero.
const Peer eigen_peer = {"eigen", "array", {64, 1e-5}, eigen_has, eigen_make};
const PeerRegistrar eigen_registrar(&eigen_peer);
const VersionRegistrar eigen_version("eigen", std::to_string(EIGEN_WORLD_VERSION) + "." +
                                                  std::to_string(EIGEN_MAJOR_VERSION) + "." +
                                                  std::to_string(EIGEN_MINOR_VERSION));

} // namespace
} // namespace actbench
