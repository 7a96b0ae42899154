// libact benchmark harness: registers, per kind and size, libact at every ISA
// the build knows (capped with act_set_max_isa inside each benchmark), memcpy
// of the same bytes, the plain -O3 -march=native loop, and every peer CMake
// found; then the call-overhead runs. See docs/performance.md for the method
// and scripts/bench.sh for the one command that runs it and writes the report.
//
// Names: <impl>/<kind>/<variant>/<n>/<mode>[/wide|/tiny], e.g.
//   libact/gelu_tanh/avx512/16384/oop     memcpy/copy/libc/16384/oop
//   onednn/gelu_tanh/eltwise/16384/oop    libact/tanh/avx512/1024/ip/wide
//   overhead/relu/libact/8/oop            overhead/relu/plain/8/oop
// mode: oop = out of place, ip = in place; /wide = input in [-100, 100]
// instead of [-8, 8] (transcendental kinds only); /tiny = input in [-1e-38,
// 1e-38], all denormal or zero (transcendental kinds, n = 16384, out of place,
// the best ISA: where x86 divisions and some multiplies take a slow path).
//
// Options (besides Google Benchmark's --benchmark_*), each a comma list:
//   --act_kinds=relu,gelu_tanh   --act_sizes=1024,16384   --act_isas=scalar,avx512
//   --act_impls=libact,memcpy,plain,onednn,xnnpack,eigen,sleef
//   --act_wide=0|1  --act_tiny=0|1  --act_overhead=1,8,64,256|none
//   --act_reps=N  repetitions of every run with n <= 262144 (in cache) and of
//                 memcpy and libact (best ISA, out of place) at every n; the
//                 report takes the median; the rest run once (default 1;
//                 scripts/bench.sh passes 5 with random interleaving)
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <unistd.h>
#include <utility>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#if defined(ACT_BENCH_HAVE_OPENMP)
#include <omp.h>
#endif

#include "act/act.h"
#include "bench.h"

#ifndef ACT_BENCH_C_COMPILER
#define ACT_BENCH_C_COMPILER "unknown"
#endif
#ifndef ACT_BENCH_CXX_COMPILER
#define ACT_BENCH_CXX_COMPILER "unknown"
#endif
#ifndef ACT_BENCH_BENCHMARK_VERSION
#define ACT_BENCH_BENCHMARK_VERSION "unknown"
#endif
#ifndef ACT_BENCH_SLEEF_VERSION
#define ACT_BENCH_SLEEF_VERSION "unknown"
#endif

namespace actbench {

std::vector<const Peer *> &peers() {
    static std::vector<const Peer *> v;
    return v;
}

std::vector<std::string> &versions() {
    static std::vector<std::string> v;
    return v;
}

const float *prelu_slopes() {
    static const std::vector<float> s = [] {
        std::vector<float> v(kPreluChannels);
        for (std::size_t c = 0; c < kPreluChannels; c++)
            v[c] = 0.01f + 0.24f * static_cast<float>(c) / static_cast<float>(kPreluChannels - 1);
        return v;
    }();
    return s.data();
}

bool is_transcendental(act_kind kind) {
    switch (kind) {
    case ACT_ELU:
    case ACT_SELU:
    case ACT_CELU:
    case ACT_GELU_TANH:
    case ACT_GELU_ERF:
    case ACT_SIGMOID:
    case ACT_TANH:
    case ACT_SILU:
    case ACT_SOFTPLUS:
    case ACT_MISH:
    case ACT_LOGSIGMOID:
    case ACT_SWISH: return true;
    default: return false;
    }
}

} // namespace actbench

namespace {

using namespace actbench;

// ---------------------------------------------------------------- options

struct Options {
    std::vector<act_kind> kinds;
    std::vector<std::size_t> sizes{1024, 16384, 262144, 4194304, 67108864};
    std::vector<act_isa> isas;
    std::set<std::string> impls; // empty: all
    bool wide = true;
    bool tiny = true;
    std::vector<std::size_t> overhead{1, 8, 64, 256};
    int reps = 1;
};

std::vector<std::string> split(const std::string &s) {
    std::vector<std::string> out;
    std::stringstream ss(s);
    std::string item;
    while (std::getline(ss, item, ','))
        if (!item.empty()) out.push_back(item);
    return out;
}

[[noreturn]] void usage_error(const std::string &msg) {
    std::fprintf(stderr, "act_bench: %s\n", msg.c_str());
    std::exit(2);
}

std::vector<std::size_t> parse_sizes(const std::string &v) {
    std::vector<std::size_t> out;
    if (v == "none") return out;
    for (const std::string &s : split(v)) {
        char *end = nullptr;
        unsigned long long x = std::strtoull(s.c_str(), &end, 10);
        if (*end || x == 0) usage_error("bad size '" + s + "'");
        out.push_back(static_cast<std::size_t>(x));
    }
    return out;
}

// Removes the --act_* options from argv (Google Benchmark sees the rest).
Options parse_options(int *argc, char **argv) {
    Options o;
    for (int k = 1; k <= ACT_KIND_COUNT; k++) o.kinds.push_back(static_cast<act_kind>(k));
#if defined(__x86_64__) || defined(_M_X64)
    o.isas = {ACT_ISA_SCALAR, ACT_ISA_SSE2, ACT_ISA_AVX2, ACT_ISA_AVX512};
#elif defined(__aarch64__)
    o.isas = {ACT_ISA_SCALAR, ACT_ISA_NEON};
#else
    o.isas = {ACT_ISA_SCALAR};
#endif
    int w = 1;
    for (int r = 1; r < *argc; r++) {
        std::string a = argv[r];
        auto val = [&](const char *key) -> const char * {
            std::size_t l = std::strlen(key);
            return a.compare(0, l, key) == 0 ? a.c_str() + l : nullptr;
        };
        if (const char *v = val("--act_kinds=")) {
            o.kinds.clear();
            for (const std::string &s : split(v)) {
                act_kind k = act_kind_from_name(s.c_str());
                if (!k) usage_error("unknown kind '" + s + "'");
                o.kinds.push_back(k);
            }
        } else if (const char *v = val("--act_sizes=")) {
            o.sizes = parse_sizes(v);
        } else if (const char *v = val("--act_isas=")) {
            o.isas.clear();
            for (const std::string &s : split(v)) {
                act_isa i = act_isa_from_name(s.c_str());
                if (!i) usage_error("unknown ISA '" + s + "'");
                o.isas.push_back(i);
            }
        } else if (const char *v = val("--act_impls=")) {
            for (const std::string &s : split(v)) o.impls.insert(s);
        } else if (const char *v = val("--act_wide=")) {
            o.wide = std::strcmp(v, "0") != 0;
        } else if (const char *v = val("--act_tiny=")) {
            o.tiny = std::strcmp(v, "0") != 0;
        } else if (const char *v = val("--act_overhead=")) {
            o.overhead = parse_sizes(v);
        } else if (const char *v = val("--act_reps=")) {
            char *end = nullptr;
            long x = std::strtol(v, &end, 10);
            if (*end || x < 1 || x > 100) usage_error(std::string("bad --act_reps '") + v + "'");
            o.reps = static_cast<int>(x);
        } else if (a.compare(0, 6, "--act_") == 0) {
            usage_error("unknown option " + a);
        } else {
            argv[w++] = argv[r];
        }
    }
    *argc = w;
    argv[w] = nullptr;
    return o;
}

// ---------------------------------------------------------------- buffers

// Inputs: a fixed pseudo-random stream (splitmix64 of the index), uniform in
// [-8, 8] ("narrow"), [-100, 100] ("wide") or [-1e-38, 1e-38] ("tiny");
// element i is the same for every n, so a size's input is a prefix of the
// next one's. Buffers are 64-byte
// aligned, allocated once at the largest size in use, and fully written
// (pre-faulted) before the first benchmark touches them.
enum Range { kNarrow = 0, kWide = 1, kTiny = 2 };
constexpr int kRanges = 3;
constexpr float kRangeLimit[kRanges] = {8.0f, 100.0f, 1e-38f};
constexpr const char *kRangeTail[kRanges] = {"", "/wide", "/tiny"};
constexpr std::size_t kTinySize = 16384;
// input + output <= 2 MiB: the sizes the report calls "in cache"
constexpr std::size_t kInCacheMax = 262144;

uint64_t splitmix64(uint64_t x) {
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

float *alloc_floats(std::size_t n) {
    std::size_t bytes = (n * sizeof(float) + 63) / 64 * 64;
    void *p = std::aligned_alloc(64, bytes ? bytes : 64);
    if (!p) {
        std::fprintf(stderr, "act_bench: cannot allocate %zu bytes\n", bytes);
        std::exit(1);
    }
    std::memset(p, 0, bytes);
    return static_cast<float *>(p);
}

struct Pool {
    std::size_t cap = 0;
    float *in[kRanges] = {nullptr, nullptr, nullptr};
    float *out = nullptr;

    const float *input(Range r) {
        if (!in[r]) {
            in[r] = alloc_floats(cap);
            const float lim = kRangeLimit[r];
            for (std::size_t i = 0; i < cap; i++) {
                // 24 random bits -> [0, 1) exactly, then [-lim, lim).
                float u = static_cast<float>(splitmix64(0x5eed0000 + i) >> 40) * 0x1p-24f;
                in[r][i] = -lim + 2.0f * lim * u;
            }
        }
        return in[r];
    }
    float *output() {
        if (!out) out = alloc_floats(cap);
        return out;
    }
} pool;

// ---------------------------------------------------------------- checking

act_params params_for(act_kind kind) {
    act_params p;
    act_params_default(kind, &p, sizeof p);
    if (kind == ACT_PRELU) {
        p.slopes = prelu_slopes();
        p.channels = kPreluChannels;
        p.inner = 1;
    }
    return p;
}

// Distance in ULP between two floats (+0 and -0 are 0 apart); NaN matches NaN only.
double ulp_distance(float a, float b) {
    if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b) ? 0.0 : INFINITY;
    auto key = [](float f) {
        int32_t i;
        std::memcpy(&i, &f, sizeof i);
        return i < 0 ? -static_cast<int64_t>(i & 0x7fffffff) : static_cast<int64_t>(i);
    };
    return static_cast<double>(std::llabs(key(a) - key(b)));
}

struct Check {
    bool ok = true;
    double max_ulp = 0, max_abs = 0;
    std::string msg;
};

// Indices that the check compares: all of a small buffer, else 16384 spread
// evenly over the whole buffer (the first and the last element included).
std::vector<std::size_t> sample_indices(std::size_t n) {
    const std::size_t S = 16384;
    std::vector<std::size_t> idx;
    if (n <= S) {
        for (std::size_t i = 0; i < n; i++) idx.push_back(i);
    } else {
        for (std::size_t j = 0; j < S; j++) idx.push_back(j * (n - 1) / (S - 1));
    }
    return idx;
}

// Poisons the sampled outputs with NaN so an implementation that skips
// elements fails the check.
void poison(float *out, std::size_t n) {
    for (std::size_t i : sample_indices(n)) out[i] = std::numeric_limits<float>::quiet_NaN();
}

// Compares out[] with libact's scalar path (act_set_max_isa(ACT_ISA_SCALAR),
// then act_apply) on the sampled elements of in[].
Check check_output(act_kind kind, const act_params &p, const float *in, const float *out,
                   std::size_t n, Tol tol) {
    Check c;
    std::vector<std::size_t> idx = sample_indices(n);
    std::vector<float> x(idx.size()), ref(idx.size());
    for (std::size_t j = 0; j < idx.size(); j++) x[j] = in[idx[j]];
    act_isa saved = act_active_isa();
    act_set_max_isa(ACT_ISA_SCALAR);
    int rc = ACT_OK;
    if (kind == ACT_PRELU) { // gathered elements: give each its own channel's slope
        for (std::size_t j = 0; j < idx.size() && rc == ACT_OK; j++) {
            act_params q = p;
            q.slopes = p.slopes + (idx[j] / p.inner) % p.channels;
            q.channels = 1;
            q.inner = 1;
            rc = act_apply(kind, &q, &x[j], &ref[j], 1);
        }
    } else {
        rc = act_apply(kind, &p, x.data(), ref.data(), x.size());
    }
    act_set_max_isa(saved);
    if (rc != ACT_OK) {
        c.ok = false;
        c.msg = std::string("reference act_apply failed: ") + act_strerror(rc);
        return c;
    }
    std::size_t worst = 0;
    bool worst_fails = false;
    for (std::size_t j = 0; j < idx.size(); j++) {
        float got = out[idx[j]], want = ref[j];
        double u = ulp_distance(got, want);
        double d = std::isinf(u) ? INFINITY : std::fabs(static_cast<double>(got) - want);
        if (std::isnan(d)) d = 0; // inf == inf
        bool fails = u > tol.ulp && d > tol.abs;
        // Reported ULP error: only where the result is not tiny (|want| >=
        // 2^-10); near zero a correct-in-absolute-terms result can be
        // millions of ULP off (gelu(-8) ~ -1e-14), err_abs covers that.
        if (std::fabs(want) >= 0x1p-10f || std::isnan(want) || std::isinf(u))
            c.max_ulp = std::max(c.max_ulp, u);
        if (d > c.max_abs || (fails && !worst_fails)) worst = j;
        c.max_abs = std::max(c.max_abs, d);
        if (fails) {
            c.ok = false;
            worst_fails = true;
        }
    }
    if (!c.ok) {
        char buf[256];
        std::snprintf(buf, sizeof buf,
                      "wrong vs libact scalar: max %.3g ulp, max abs err %.3g (tolerance %g ulp or "
                      "%g abs); e.g. f(%.9g) = %.9g, want %.9g",
                      c.max_ulp, c.max_abs, tol.ulp, tol.abs, x[worst], out[idx[worst]],
                      ref[worst]);
        c.msg = buf;
    }
    return c;
}

void set_rates(benchmark::State &st, std::size_t n, std::size_t calls_per_iter = 1) {
    const auto items = static_cast<int64_t>(st.iterations() * calls_per_iter * n);
    st.SetItemsProcessed(items);
    st.SetBytesProcessed(items * static_cast<int64_t>(2 * sizeof(float))); // read + write
}

// Returns false (after SkipWithError) if the check fails.
bool verify(benchmark::State &st, act_kind kind, const act_params &p, const float *in,
            const float *out, std::size_t n, Tol tol) {
    Check c = check_output(kind, p, in, out, n, tol);
    st.counters["err_ulp"] = c.max_ulp;
    st.counters["err_abs"] = c.max_abs;
    if (!c.ok) st.SkipWithError(c.msg.c_str());
    return c.ok;
}

// ---------------------------------------------------------------- benchmarks

act_isa g_best_isa = ACT_ISA_SCALAR;

void bm_memcpy(benchmark::State &st, std::size_t n) {
    const float *in = pool.input(kNarrow);
    float *out = pool.output();
    for (auto _ : st) {
        std::memcpy(out, in, n * sizeof(float));
        benchmark::ClobberMemory();
    }
    set_rates(st, n);
}

// Thread CPU time in seconds. The machine the harness runs on may be shared,
// so every rate is per CPU second of the benchmark thread (Google Benchmark's
// default), not per wall-clock second, which counts time spent preempted.
double thread_cpu_seconds() {
    timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

bool cap_isa(benchmark::State &st, act_isa isa) {
    const char *name = act_isa_name(isa) ? act_isa_name(isa) : "?";
    if (!act_isa_available(isa)) {
        st.SkipWithError((std::string(name) + " not available on this CPU/build").c_str());
        return false;
    }
    if (act_set_max_isa(isa) != ACT_OK || act_active_isa() != isa) {
        st.SkipWithError((std::string("act_set_max_isa(") + name + ") failed").c_str());
        return false;
    }
    return true;
}

void bm_libact(benchmark::State &st, act_kind kind, act_isa isa, std::size_t n, Range r,
               bool inplace) {
    if (!cap_isa(st, isa)) return;
    const act_params p = params_for(kind);
    const float *in = pool.input(r);
    float *out = pool.output();
    poison(out, n);
    if (inplace) std::memcpy(out, in, n * sizeof(float));
    const double t_first = thread_cpu_seconds();
    int rc = act_apply(kind, &p, inplace ? out : in, out, n);
    const double t_single = thread_cpu_seconds() - t_first; // cold, plus a clock read
    if (rc != ACT_OK) {
        st.SkipWithError((std::string("act_apply: ") + act_strerror(rc)).c_str());
        return;
    }
    if (!verify(st, kind, p, in, out, n, Tol{4, 0})) return;
    st.SetLabel(std::string("kernel=") + act_isa_name(act_kernel_isa(kind)));
    if (!inplace) {
        for (auto _ : st) {
            rc = act_apply(kind, &p, in, out, n);
            benchmark::DoNotOptimize(rc);
            benchmark::ClobberMemory();
        }
        set_rates(st, n);
        return;
    }
    // In place: applying f to its own output again and again would drift
    // (repeated leaky_relu reaches denormals after ~19 calls, then zero), so
    // each iteration first refreshes the buffer from the input, then makes R
    // in-place calls. The refresh is a memcpy of n floats; its CPU time is
    // measured just before the loop and subtracted. R (<= 16, so no value
    // drifts to a denormal) is chosen so that the refresh is <= 1/8 of the work.
    auto timed = [](auto &&fn, int reps) {
        double t0 = thread_cpu_seconds();
        for (int k = 0; k < reps; k++) {
            fn();
            benchmark::ClobberMemory();
        }
        return (thread_cpu_seconds() - t0) / reps;
    };
    auto refresh = [&] { std::memcpy(out, in, n * sizeof(float)); };
    auto pair = [&] {
        refresh();
        rc = act_apply(kind, &p, out, out, n);
    };
    // Repetitions that take about 2 ms, given one call's time.
    auto reps_for = [](double t1) {
        return static_cast<int>(std::min(10000.0, std::max(1.0, 2e-3 / std::max(t1, 1e-9))));
    };
    const double t_copy = timed(refresh, reps_for(timed(refresh, 1)));
    double t_apply = t_single;
    // A slow kernel (a call well over the ~2 us clock read) needs no calibration: R = 1.
    if (t_single < 8.0 * t_copy || t_single < 1e-4)
        t_apply = std::max(timed(pair, reps_for(timed(pair, 1))) - t_copy, 1e-12);
    const std::size_t R =
        static_cast<std::size_t>(std::min(16.0, std::max(1.0, std::ceil(8.0 * t_copy / t_apply))));
    const double t0 = thread_cpu_seconds();
    for (auto _ : st) {
        refresh();
        benchmark::ClobberMemory();
        for (std::size_t k = 0; k < R; k++) {
            rc = act_apply(kind, &p, out, out, n);
            benchmark::DoNotOptimize(rc);
            benchmark::ClobberMemory();
        }
    }
    const double t_loop = thread_cpu_seconds() - t0;
    const double iters = static_cast<double>(st.iterations());
    const double t_calls = std::max(t_loop - iters * t_copy, 1e-12);
    const double items = iters * static_cast<double>(R * n);
    // Rates from the refresh-corrected time (not SetItemsProcessed, which
    // would divide by the time including the refresh).
    st.counters["batch"] = static_cast<double>(R);
    st.counters["refresh_share"] = iters * t_copy / t_loop;
    st.counters["items_per_second"] = items / t_calls;
    st.counters["bytes_per_second"] = items * 2 * sizeof(float) / t_calls;
    st.counters["ns_per_call"] = 1e9 * t_calls / (iters * static_cast<double>(R));
}

void bm_impl(benchmark::State &st, const Peer *peer, act_kind kind, std::size_t n, Range r) {
    act_set_max_isa(g_best_isa); // the reference check caps and restores; keep a known state
    const act_params p = params_for(kind);
    const float *in = pool.input(r);
    float *out = pool.output();
    std::string err;
    Runner run = peer->make(kind, &p, in, out, n, &err);
    if (!run) {
        st.SkipWithError(err.c_str());
        return;
    }
    poison(out, n);
    run();
    if (!verify(st, kind, p, in, out, n, peer->tol)) return;
    for (auto _ : st) {
        run();
        benchmark::ClobberMemory();
    }
    set_rates(st, n);
}

// Call overhead: tiny n, ns per call; libact at the best ISA vs the plain loop.
void bm_overhead(benchmark::State &st, act_kind kind, bool use_libact, std::size_t n) {
    act_set_max_isa(g_best_isa);
    const act_params p = params_for(kind);
    const float *in = pool.input(kNarrow);
    float *out = pool.output();
    kernel_fn f = plain_kernel(kind);
    poison(out, n);
    if (use_libact)
        act_apply(kind, &p, in, out, n);
    else
        f(in, out, n);
    if (!verify(st, kind, p, in, out, n, use_libact ? Tol{4, 0} : plain_peer.tol)) return;
    if (use_libact) {
        for (auto _ : st) {
            int rc = act_apply(kind, &p, in, out, n);
            benchmark::DoNotOptimize(rc);
            benchmark::ClobberMemory();
        }
    } else {
        for (auto _ : st) {
            f(in, out, n);
            benchmark::ClobberMemory();
        }
    }
    set_rates(st, n);
}

// ---------------------------------------------------------------- context

std::string read_cpuinfo(const char *key) {
    std::ifstream f("/proc/cpuinfo");
    std::string line;
    while (std::getline(f, line)) {
        if (line.compare(0, std::strlen(key), key) == 0) {
            std::size_t c = line.find(':');
            if (c != std::string::npos) return line.substr(c + 2);
        }
    }
    return "";
}

void add_context(const Options &o, int argc, char **argv) {
    benchmark::AddCustomContext("libact_version", act_version_string());
    // scripts/bench.sh passes the source tree's `git describe --always --dirty`.
    const char *src = std::getenv("ACT_BENCH_SOURCE");
    benchmark::AddCustomContext("libact_source", src && *src ? src : "unknown");
    std::string isas;
    for (act_isa i : o.isas)
        if (act_isa_available(i)) isas += std::string(isas.empty() ? "" : " ") + act_isa_name(i);
    benchmark::AddCustomContext("libact_isas", isas);
    benchmark::AddCustomContext("libact_best_isa", act_isa_name(g_best_isa));
    std::string model = read_cpuinfo("model name");
    std::string fam = read_cpuinfo("cpu family"), mod = read_cpuinfo("model\t");
    benchmark::AddCustomContext("cpu_model", model + " (family " + fam + ", model " + mod + ")");
    std::string flags = read_cpuinfo("flags"), want;
    for (const char *fl : {"sse2", "avx", "avx2", "fma", "avx512f", "avx512dq", "avx512bw",
                           "avx512vl", "avx512_bf16", "avx512_fp16"}) {
        std::string pad = " " + flags + " ";
        if (pad.find(std::string(" ") + fl + " ") != std::string::npos)
            want += std::string(want.empty() ? "" : " ") + fl;
    }
    benchmark::AddCustomContext("cpu_flags", want);
    // Cache sizes as glibc reads them from CPUID (Google Benchmark reads sysfs,
    // which some VMs lack).
    std::string caches;
    for (auto [name, id] : {std::pair<const char *, int>{"L1d", _SC_LEVEL1_DCACHE_SIZE},
                            {"L2", _SC_LEVEL2_CACHE_SIZE},
                            {"L3", _SC_LEVEL3_CACHE_SIZE}}) {
        long v = sysconf(id);
        if (v > 0)
            caches += std::string(caches.empty() ? "" : ", ") + name + " " +
                      (v >= (1L << 20) ? std::to_string(v >> 20) + " MiB"
                                       : std::to_string(v >> 10) + " KiB");
    }
    benchmark::AddCustomContext("cpu_caches_cpuid", caches.empty() ? "unknown" : caches);
    benchmark::AddCustomContext("compiler_cxx", ACT_BENCH_CXX_COMPILER);
    benchmark::AddCustomContext("compiler_c", ACT_BENCH_C_COMPILER);
    benchmark::AddCustomContext("version_benchmark", ACT_BENCH_BENCHMARK_VERSION);
    benchmark::AddCustomContext("version_sleef", ACT_BENCH_SLEEF_VERSION);
    for (const std::string &v : versions()) {
        std::size_t eq = v.find('=');
        benchmark::AddCustomContext("version_" + v.substr(0, eq), v.substr(eq + 1));
    }
    std::string ps;
    for (const Peer *p : peers())
        ps += std::string(ps.empty() ? "" : " ") + p->name + "/" + p->variant;
    benchmark::AddCustomContext("peers", ps);
    benchmark::AddCustomContext("prelu_layout", "channels=64 inner=1 (NC/NHWC: channel = i % 64), "
                                                "slopes 0.01..0.25");
    benchmark::AddCustomContext("input", "splitmix64 uniform, [-8,8] (narrow), [-100,100] (wide), "
                                         "[-1e-38,1e-38] (tiny)");
    std::string args;
    for (int i = 1; i < argc; i++) args += std::string(args.empty() ? "" : " ") + argv[i];
    benchmark::AddCustomContext("act_bench_args", args);
}

bool want(const Options &o, const std::string &impl) {
    return o.impls.empty() || o.impls.count(impl) != 0;
}

void register_all(const Options &o) {
    std::vector<act_isa> avail;
    for (act_isa i : o.isas)
        if (act_isa_available(i)) avail.push_back(i);
    // In place runs at the best ISA only (the default dispatch), out of place at every ISA.
    g_best_isa = avail.empty() ? ACT_ISA_SCALAR : *std::max_element(avail.begin(), avail.end());
    act_isa ip_isa = avail.empty() ? (o.isas.empty() ? ACT_ISA_SCALAR : o.isas.back()) : g_best_isa;

    std::vector<const Peer *> ps = peers();
    std::sort(ps.begin(), ps.end(), [](const Peer *a, const Peer *b) {
        int c = std::strcmp(a->name, b->name);
        return c ? c < 0 : std::strcmp(a->variant, b->variant) < 0;
    });
    // A shared VM moves a single sample by 10-20% (in cache: one descheduling
    // in a ~1 ms run; out of cache: a neighbour's memory traffic), so runs are
    // repeated and the report takes the median: every run in cache, and out of
    // cache the two the memcpy target compares (memcpy and libact out of place
    // at the best ISA). The rest out of cache (scalar loops up to a second per
    // call) would cost minutes and enter no target.
    auto reg = [&o](const std::string &name, auto fn, std::size_t n, bool target) {
        benchmark::internal::Benchmark *b = benchmark::RegisterBenchmark(name.c_str(), fn);
        if (o.reps > 1 && (n <= kInCacheMax || target)) b->Repetitions(o.reps);
        return b;
    };
    const std::string sep = "/";

    if (want(o, "memcpy"))
        for (std::size_t n : o.sizes)
            reg(
                "memcpy/copy/libc/" + std::to_string(n) + "/oop",
                [n](benchmark::State &st) { bm_memcpy(st, n); }, n, true);

    for (act_kind kind : o.kinds) {
        const std::string kn = act_kind_name(kind);
        for (int ri = 0; ri < kRanges; ri++) {
            const Range r = static_cast<Range>(ri);
            if (r == kWide && (!o.wide || !is_transcendental(kind))) continue;
            if (r == kTiny && (!o.tiny || !is_transcendental(kind))) continue;
            const std::string tail = kRangeTail[r];
            for (std::size_t n : o.sizes) {
                if (r == kTiny && n != kTinySize) continue;
                const std::string ns = std::to_string(n);
                if (want(o, "libact")) {
                    for (act_isa isa : o.isas) {
                        // other ranges: default ISA only
                        if (r != kNarrow && isa != ip_isa) continue;
                        reg(
                            "libact/" + kn + sep + act_isa_name(isa) + sep + ns + "/oop" + tail,
                            [=](benchmark::State &st) { bm_libact(st, kind, isa, n, r, false); }, n,
                            isa == g_best_isa && r == kNarrow);
                    }
                    if (r != kTiny)
                        reg(
                            "libact/" + kn + sep + act_isa_name(ip_isa) + sep + ns + "/ip" + tail,
                            [=](benchmark::State &st) { bm_libact(st, kind, ip_isa, n, r, true); },
                            n, false);
                }
                if (want(o, "plain"))
                    reg(
                        "plain/" + kn + "/native/" + ns + "/oop" + tail,
                        [=](benchmark::State &st) { bm_impl(st, &plain_peer, kind, n, r); }, n,
                        false);
                for (const Peer *p : ps) {
                    if (!want(o, p->name) || !p->has(kind)) continue;
                    reg(
                        std::string(p->name) + sep + kn + sep + p->variant + sep + ns + "/oop" +
                            tail,
                        [=](benchmark::State &st) { bm_impl(st, p, kind, n, r); }, n, false);
                }
            }
        }
    }

    for (act_kind kind : o.kinds) {
        const std::string kn = act_kind_name(kind);
        for (std::size_t n : o.overhead) {
            if (want(o, "libact"))
                reg(
                    "overhead/" + kn + "/libact/" + std::to_string(n) + "/oop",
                    [=](benchmark::State &st) { bm_overhead(st, kind, true, n); }, n, false);
            if (want(o, "plain"))
                reg(
                    "overhead/" + kn + "/plain/" + std::to_string(n) + "/oop",
                    [=](benchmark::State &st) { bm_overhead(st, kind, false, n); }, n, false);
        }
    }
}

} // namespace

int main(int argc, char **argv) {
#if defined(ACT_BENCH_HAVE_OPENMP)
    omp_set_num_threads(1); // oneDNN's OpenMP runtime: single thread, like every other run
#endif
    std::vector<char *> args(argv, argv + argc);
    args.push_back(nullptr);
    int ac = argc;
    Options o = parse_options(&ac, args.data());
    for (std::size_t n : o.sizes) pool.cap = std::max(pool.cap, n);
    for (std::size_t n : o.overhead) pool.cap = std::max(pool.cap, n);
    register_all(o);
    add_context(o, argc, argv);
    benchmark::Initialize(&ac, args.data());
    if (benchmark::ReportUnrecognizedArguments(ac, args.data())) return 2;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    act_set_max_isa(g_best_isa);
    return 0;
}
