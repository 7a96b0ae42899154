// Shared declarations of the libact benchmark harness (bench/).
//
// Every implementation that is timed is a "runner": a callable that computes
// out[i] = f(in[i]) for the buffers and length it was prepared for. Peers
// (oneDNN, XNNPACK, Eigen, SLEEF) and the plain C loop prepare runners through
// the Peer table below; main.cc times them, checks them against libact's
// scalar path, and names them <impl>/<kind>/<variant>/<n>/<mode>.
#ifndef ACT_BENCH_BENCH_H
#define ACT_BENCH_BENCH_H

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "act/act.h"

namespace actbench {

// PReLU layout used by every implementation: NC / NHWC, i.e. channel of
// element i is i % kPreluChannels (libact: channels = 64, inner = 1).
constexpr std::size_t kPreluChannels = 64;
const float *prelu_slopes(); // kPreluChannels slopes in [0.01, 0.25]

// A prepared computation; called once per benchmark iteration.
using Runner = std::function<void()>;

// Accepted difference to libact's scalar result: an element passes when it is
// within `ulp` units in the last place OR within `abs` absolutely (the latter
// covers formulas that cancel near zero, e.g. 0.5x(1 + erf(x/sqrt2)) for x < -4).
struct Tol {
    double ulp;
    double abs;
};

struct Peer {
    const char *name;    // first name component: "onednn"
    const char *variant; // third name component: "eltwise"
    Tol tol;
    // True if the peer computes `kind` (with libact's default parameters).
    bool (*has)(act_kind kind);
    // Prepares out[i] = f(in[i]), i < n. Returns an empty Runner and sets *err
    // when the peer cannot (e.g. a primitive creation failed).
    Runner (*make)(act_kind kind, const act_params *p, const float *in, float *out, std::size_t n,
                   std::string *err);
};

// Registered by the peer translation units that CMake compiled in.
std::vector<const Peer *> &peers();
struct PeerRegistrar {
    explicit PeerRegistrar(const Peer *p) { peers().push_back(p); }
};

// The plain loop (plain.cc, -O3 -march=native): every kind, default parameters
// (PReLU: kPreluChannels slopes). A baseline, not a peer: it is not in peers().
using kernel_fn = void (*)(const float *in, float *out, std::size_t n);
kernel_fn plain_kernel(act_kind kind); // nullptr for an unknown kind
extern const Peer plain_peer;

// Kinds built from exp/expm1/log1p/tanh/erf: the ones with a wide-range variant.
bool is_transcendental(act_kind kind);

// Library versions for the JSON context: "name=version" pairs from each peer TU.
std::vector<std::string> &versions();
struct VersionRegistrar {
    VersionRegistrar(const char *name, std::string version) {
        versions().push_back(std::string(name) + "=" + version);
    }
};

} // namespace actbench

#endif
