// XNNPACK peer: the f32 "NC" unary operators of the Debian snapshot
// (xnn_create_*_nc_f32), created and set up once per benchmark, run with a
// NULL threadpool (the calling thread). Element-wise kinds use channels = 1,
// batch = n; PReLU uses channels = 64, batch = n / 64.
// The snapshot has clamp, leaky_relu, prelu, elu, sigmoid and hardswish
// (no tanh, gelu, silu, ...); relu, relu6, bounded_relu and hardtanh are clamps
// and celu with libact's default alpha = 1 is elu(alpha = 1).
#include <xnnpack.h>

#include <cmath>
#include <limits>
#include <memory>
#include <string>

#include "bench.h"

#ifndef ACT_BENCH_XNNPACK_VERSION
#define ACT_BENCH_XNNPACK_VERSION "unknown"
#endif

namespace actbench {
namespace {

bool xnnpack_has(act_kind kind) {
    switch (kind) {
    case ACT_RELU:
    case ACT_LEAKY_RELU:
    case ACT_PRELU:
    case ACT_BOUNDED_RELU:
    case ACT_RELU6:
    case ACT_HARDTANH:
    case ACT_ELU:
    case ACT_CELU:
    case ACT_SIGMOID:
    case ACT_HARDSWISH: return true;
    default: return false;
    }
}

Runner xnnpack_make(act_kind kind, const act_params *, const float *in, float *out, std::size_t n,
                    std::string *err) {
    static const xnn_status init = xnn_initialize(nullptr);
    if (init != xnn_status_success) {
        *err = "xnn_initialize failed: " + std::to_string(static_cast<int>(init));
        return {};
    }
    xnn_operator_t op = nullptr;
    xnn_status st = xnn_status_unsupported_parameter;
    std::size_t batch = n;
    const float inf = std::numeric_limits<float>::infinity();
    switch (kind) {
    case ACT_RELU: st = xnn_create_clamp_nc_f32(1, 1, 1, 0.0f, inf, 0, &op); break;
    case ACT_BOUNDED_RELU:
    case ACT_RELU6: st = xnn_create_clamp_nc_f32(1, 1, 1, 0.0f, 6.0f, 0, &op); break;
    case ACT_HARDTANH: st = xnn_create_clamp_nc_f32(1, 1, 1, -1.0f, 1.0f, 0, &op); break;
    case ACT_LEAKY_RELU: st = xnn_create_leaky_relu_nc_f32(1, 1, 1, 0.01f, 0, &op); break;
    case ACT_PRELU:
        if (n % kPreluChannels != 0) {
            *err = "XNNPACK PReLU binding needs n to be a multiple of the channel count";
            return {};
        }
        batch = n / kPreluChannels;
        st = xnn_create_prelu_nc_f32(kPreluChannels, kPreluChannels, kPreluChannels, prelu_slopes(),
                                     0, &op);
        break;
    case ACT_ELU:
    case ACT_CELU: st = xnn_create_elu_nc_f32(1, 1, 1, 1.0f, 0, &op); break;
    case ACT_SIGMOID: st = xnn_create_sigmoid_nc_f32(1, 1, 1, 0, &op); break;
    case ACT_HARDSWISH: st = xnn_create_hardswish_nc_f32(1, 1, 1, 0, &op); break;
    default: *err = "XNNPACK has no operator for this kind"; return {};
    }
    if (st != xnn_status_success) {
        *err = "xnn_create failed: " + std::to_string(static_cast<int>(st));
        return {};
    }
    std::shared_ptr<xnn_operator> hold(op, xnn_delete_operator);
    switch (kind) {
    case ACT_RELU:
    case ACT_BOUNDED_RELU:
    case ACT_RELU6:
    case ACT_HARDTANH: st = xnn_setup_clamp_nc_f32(op, batch, in, out, nullptr); break;
    case ACT_LEAKY_RELU: st = xnn_setup_leaky_relu_nc_f32(op, batch, in, out, nullptr); break;
    case ACT_PRELU: st = xnn_setup_prelu_nc_f32(op, batch, in, out, nullptr); break;
    case ACT_ELU:
    case ACT_CELU: st = xnn_setup_elu_nc_f32(op, batch, in, out, nullptr); break;
    case ACT_SIGMOID: st = xnn_setup_sigmoid_nc_f32(op, batch, in, out, nullptr); break;
    case ACT_HARDSWISH: st = xnn_setup_hardswish_nc_f32(op, batch, in, out, nullptr); break;
    default: break;
    }
    if (st != xnn_status_success) {
        *err = "xnn_setup failed: " + std::to_string(static_cast<int>(st));
        return {};
    }
    return [hold] { xnn_run_operator(hold.get(), nullptr); };
}

// XNNPACK's sigmoid/elu kernels are rational/polynomial fits of a few ULP.
const Peer xnnpack_peer = {"xnnpack", "nc_f32", {64, 1e-5}, xnnpack_has, xnnpack_make};
const PeerRegistrar xnnpack_registrar(&xnnpack_peer);
const VersionRegistrar xnnpack_version("xnnpack", ACT_BENCH_XNNPACK_VERSION);

} // namespace
} // namespace actbench
