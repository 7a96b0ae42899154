// oneDNN peer: an eltwise_forward primitive (forward_inference) on a 1-D f32
// tensor of n elements, created once per benchmark; PReLU is oneDNN's
// prelu_forward primitive on an (n/64) x 64 tensor with 64 per-channel
// weights. Debian's libdnnl is built with the OpenMP runtime: main.cc calls
// omp_set_num_threads(1) before the first primitive, so it runs on one thread.
#include <oneapi/dnnl/dnnl.hpp>

#include <string>
#include <unordered_map>

#include "bench.h"

namespace actbench {
namespace {

using dnnl::algorithm;

struct Alg {
    algorithm alg;
    float alpha, beta;
};

// libact's defaults in oneDNN's terms. oneDNN 2.6 has no selu, hardsigmoid or
// softsign; celu with libact's default alpha = 1 is exactly elu(alpha = 1).
bool alg_of(act_kind kind, Alg *a) {
    switch (kind) {
    case ACT_RELU: *a = {algorithm::eltwise_relu, 0.0f, 0.0f}; return true;
    case ACT_LEAKY_RELU: *a = {algorithm::eltwise_relu, 0.01f, 0.0f}; return true;
    case ACT_BOUNDED_RELU:
    case ACT_RELU6: *a = {algorithm::eltwise_bounded_relu, 6.0f, 0.0f}; return true;
    case ACT_HARDTANH: *a = {algorithm::eltwise_clip_v2, -1.0f, 1.0f}; return true;
    case ACT_ELU:
    case ACT_CELU: *a = {algorithm::eltwise_elu, 1.0f, 0.0f}; return true;
    case ACT_GELU_TANH: *a = {algorithm::eltwise_gelu_tanh, 0.0f, 0.0f}; return true;
    case ACT_GELU_ERF: *a = {algorithm::eltwise_gelu_erf, 0.0f, 0.0f}; return true;
    case ACT_SIGMOID: *a = {algorithm::eltwise_logistic, 0.0f, 0.0f}; return true;
    case ACT_TANH: *a = {algorithm::eltwise_tanh, 0.0f, 0.0f}; return true;
    case ACT_SILU:
    case ACT_SWISH: *a = {algorithm::eltwise_swish, 1.0f, 0.0f}; return true;
    case ACT_SOFTPLUS: *a = {algorithm::eltwise_soft_relu, 0.0f, 0.0f}; return true;
    case ACT_MISH: *a = {algorithm::eltwise_mish, 0.0f, 0.0f}; return true;
    case ACT_HARDSWISH: *a = {algorithm::eltwise_hardswish, 0.0f, 0.0f}; return true;
    case ACT_LOGSIGMOID: *a = {algorithm::eltwise_logsigmoid, 0.0f, 0.0f}; return true;
    default: return false;
    }
}

dnnl::engine &engine() {
    static dnnl::engine eng(dnnl::engine::kind::cpu, 0);
    return eng;
}

bool onednn_has(act_kind kind) {
    Alg a;
    return kind == ACT_PRELU || alg_of(kind, &a);
}

Runner onednn_make(act_kind kind, const act_params *, const float *in, float *out, std::size_t n,
                   std::string *err) {
    using dnnl::memory;
    try {
        dnnl::engine &eng = engine();
        auto strm = std::make_shared<dnnl::stream>(eng);
        if (kind == ACT_PRELU) {
            if (n % kPreluChannels != 0) {
                *err = "oneDNN PReLU binding needs n to be a multiple of the channel count";
                return {};
            }
            const memory::dim C = kPreluChannels, N = static_cast<memory::dim>(n) / C;
            memory::desc data({N, C}, memory::data_type::f32, memory::format_tag::ab);
            memory::desc w({1, C}, memory::data_type::f32, memory::format_tag::ab);
            dnnl::prelu_forward::primitive_desc pd(
                dnnl::prelu_forward::desc(dnnl::prop_kind::forward_inference, data, w), eng);
            auto prim = std::make_shared<dnnl::prelu_forward>(pd);
            auto args = std::make_shared<std::unordered_map<int, memory>>();
            (*args)[DNNL_ARG_SRC] = memory(data, eng, const_cast<float *>(in));
            (*args)[DNNL_ARG_WEIGHTS] = memory(w, eng, const_cast<float *>(prelu_slopes()));
            (*args)[DNNL_ARG_DST] = memory(data, eng, out);
            return [prim, strm, args] {
                prim->execute(*strm, *args);
                strm->wait();
            };
        }
        Alg a;
        if (!alg_of(kind, &a)) {
            *err = "oneDNN has no eltwise algorithm for this kind";
            return {};
        }
        memory::desc md({static_cast<memory::dim>(n)}, memory::data_type::f32,
                        memory::format_tag::a);
        dnnl::eltwise_forward::primitive_desc pd(
            dnnl::eltwise_forward::desc(dnnl::prop_kind::forward_inference, a.alg, md, a.alpha,
                                        a.beta),
            eng);
        auto prim = std::make_shared<dnnl::eltwise_forward>(pd);
        auto args = std::make_shared<std::unordered_map<int, memory>>();
        (*args)[DNNL_ARG_SRC] = memory(md, eng, const_cast<float *>(in));
        (*args)[DNNL_ARG_DST] = memory(md, eng, out);
        return [prim, strm, args] {
            prim->execute(*strm, *args);
            strm->wait();
        };
    } catch (const dnnl::error &e) {
        *err = std::string("oneDNN: ") + e.what();
        return {};
    }
}

std::string onednn_version() {
    const dnnl_version_t *v = dnnl_version();
    const char *rt = v->cpu_runtime == DNNL_RUNTIME_OMP   ? "OpenMP"
                     : v->cpu_runtime == DNNL_RUNTIME_SEQ ? "sequential"
                     : v->cpu_runtime == DNNL_RUNTIME_TBB ? "TBB"
                                                          : "other";
    return std::to_string(v->major) + "." + std::to_string(v->minor) + "." +
           std::to_string(v->patch) + " (CPU runtime " + rt + ")";
}

// oneDNN's JIT eltwise kernels use their own polynomial approximations.
const Peer onednn_peer = {"onednn", "eltwise", {64, 1e-5}, onednn_has, onednn_make};
const PeerRegistrar onednn_registrar(&onednn_peer);
const VersionRegistrar onednn_version_reg("onednn", onednn_version());

} // namespace
} // namespace actbench
