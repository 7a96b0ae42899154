/*
 * libact - SIMD activation functions with a stable C ABI.
 *
 * One entry point, act_apply(), computes out[i] = f(in[i]) for a neural-network
 * activation f. The best kernel for the CPU is chosen once per process (scalar,
 * SSE2, AVX2+FMA, AVX-512 on x86-64; NEON on AArch64) and can be capped by the
 * caller (act_set_max_isa) or the environment (ACT_MAX_ISA).
 *
 * ABI rules: enum values and function signatures never change; new kinds, new
 * statuses and new functions are appended; act_params grows only at its end and
 * is versioned by its `size` member. The SONAME (libact.so.1) carries the ABI
 * major version.
 *
 * Accuracy is stated per kind below as the maximum distance, in units in the
 * last place (ULP), between the returned float and the correctly rounded result
 * of the exact function, over every float input. "exact" means 0 ULP. The test
 * suite enforces these numbers against an MPFR reference on every ISA the
 * machine can run.
 */
#ifndef ACT_ACT_H
#define ACT_ACT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32) && defined(ACT_BUILDING_LIBRARY)
#define ACT_API __declspec(dllexport)
#elif defined(__GNUC__)
#define ACT_API __attribute__((visibility("default")))
#else
#define ACT_API
#endif

/** Library version: major*10000 + minor*100 + patch. Since: 1.0. */
#define ACT_VERSION_MAJOR 1
#define ACT_VERSION_MINOR 0
#define ACT_VERSION_PATCH 0

/**
 * enum act_kind - the activation function. Values are fixed forever; new
 * kinds are appended. Formulas are the exact functions the results are
 * rounded from; "alpha"/"beta" are the act_params members.
 *
 * Common semantics, every kind and every ISA:
 *  - NaN in gives NaN out.
 *  - Denormal inputs are honoured and denormal results are returned, not
 *    flushed (unless the caller itself enabled FTZ/DAZ in its FP environment).
 *    Speed, not results: on x86 a division whose operand or result is
 *    denormal takes a slow path, so tanh, silu, swish and gelu_tanh run 2-4x
 *    slower on denormal inputs (docs/performance.md measures every kind).
 *  - ±inf and ±FLT_MAX follow the mathematical limit; no intermediate step
 *    overflows to inf or NaN when the result is finite.
 *
 * ACT_RELU          relu(x) = x > 0 ? x : +0. relu(-0) = +0. Exact.
 * ACT_LEAKY_RELU    x > 0 ? x : alpha*x. alpha: negative slope, default 0.01,
 *                   must be finite. leaky_relu(-0) = -0*alpha. Exact (one
 *                   correctly rounded product).
 * ACT_PRELU         as LEAKY_RELU with alpha = slopes[(i / inner) % channels]
 *                   for element i. slopes: `channels` finite floats, non-NULL;
 *                   channels >= 1; inner >= 1 (defaults: slopes NULL, which
 *                   the caller must set; channels 1; inner 1). Exact.
 * ACT_BOUNDED_RELU  min(max(x, 0), b), b = alpha, default 6, finite, b >= 0.
 *                   x <= 0 gives +0. Exact.
 * ACT_RELU6         min(max(x, 0), 6). x <= 0 gives +0. Exact.
 * ACT_HARDTANH      min(max(x, lo), hi), lo = alpha (default -1), hi = beta
 *                   (default 1), finite, lo <= hi. Inside [lo, hi] x is returned
 *                   unchanged, sign of zero included. Exact.
 * ACT_ELU           x > 0 ? x : alpha*expm1(x); alpha default 1, finite.
 *                   elu(-inf) = -alpha.
 * ACT_SELU          scale*(x > 0 ? x : a*expm1(x)) with PyTorch's constants
 *                   a = 1.6732632423543772848170429916717,
 *                   scale = 1.0507009873554804934193349852946.
 * ACT_CELU          max(0,x) + min(0, alpha*expm1(x/alpha)); alpha default 1,
 *                   finite, != 0.
 * ACT_GELU_TANH     0.5*x*(1 + tanh(sqrt(2/pi)*(x + 0.044715*x^3))), computed as
 *                   x*sigmoid(2u) (no cancellation for x < 0). gelu(-inf) = -0.
 * ACT_GELU_ERF      0.5*x*(1 + erf(x/sqrt(2))), computed through erfc for x < 0.
 * ACT_SIGMOID       1/(1 + exp(-x)). sigmoid(-inf) = +0, sigmoid(+inf) = 1.
 * ACT_TANH          tanh(x).
 * ACT_SILU          x*sigmoid(x).
 * ACT_SOFTPLUS      log(1 + exp(beta*x))/beta, beta = alpha (default 1), finite,
 *                   > 0. No linear cut-off: the exact function everywhere.
 *                   softplus(+inf) = +inf.
 * ACT_MISH          x*tanh(softplus(x)).
 * ACT_HARDSIGMOID   relu6(x + 3)/6 (PyTorch).
 * ACT_HARDSWISH     x*relu6(x + 3)/6. hardswish(FLT_MAX) = FLT_MAX.
 * ACT_SOFTSIGN      x/(1 + |x|). softsign(±inf) = ±1.
 * ACT_LOGSIGMOID    log(sigmoid(x)) = -softplus(-x). logsigmoid(-inf) = -inf.
 * ACT_SWISH         x*sigmoid(beta*x), beta = alpha (default 1), finite.
 *
 * Maximum error in ULP, per ISA. The ISA that serves a kind is reported by
 * act_kernel_isa(); a kind without a kernel of its own on an ISA is served by
 * the next lower ISA, and has that ISA's bound.
 *
 *   kind                          scalar  sse2  avx2  avx512  neon
 *   relu leaky_relu prelu
 *   bounded_relu relu6 hardtanh     0      0     0     0       0
 *   hardsigmoid                     1      1     1     1       1
 *   hardswish                       1      2     2     2       2
 *   softsign                        1      1     1     1       1
 *   elu selu celu gelu_tanh gelu_erf
 *   sigmoid tanh silu swish
 *   softplus mish logsigmoid        1      2     2     2       2
 */
/*
 * The bounds above hold for every valid parameter value. The vector kernels
 * of the parameterized transcendental kinds are verified for these ranges
 * only, and other values are served by the scalar path (<= 1 ULP, slower;
 * act_kernel_isa() still names the active ISA): swish 2^-8 <= |beta| <= 2^8,
 * softplus 1 <= beta <= 16, celu 2^-4 <= alpha <= 4; elu has no such limit.
 * docs/accuracy.md has every measured maximum (exhaustive runs over all 2^32
 * inputs).
 */
typedef enum act_kind {
    ACT_RELU = 1,
    ACT_LEAKY_RELU = 2,
    ACT_PRELU = 3,
    ACT_BOUNDED_RELU = 4,
    ACT_RELU6 = 5,
    ACT_HARDTANH = 6,
    ACT_ELU = 7,
    ACT_SELU = 8,
    ACT_CELU = 9,
    ACT_GELU_TANH = 10,
    ACT_GELU_ERF = 11,
    ACT_SIGMOID = 12,
    ACT_TANH = 13,
    ACT_SILU = 14,
    ACT_SOFTPLUS = 15,
    ACT_MISH = 16,
    ACT_HARDSIGMOID = 17,
    ACT_HARDSWISH = 18,
    ACT_SOFTSIGN = 19,
    ACT_LOGSIGMOID = 20,
    ACT_SWISH = 21
} act_kind;

/** Number of kinds in this version; kinds are 1 .. ACT_KIND_COUNT. */
#define ACT_KIND_COUNT 21

/**
 * struct act_params - parameters of a kind; see enum act_kind for the
 * meaning of each member per kind. Fill it with act_params_default(), then
 * change what you need.
 * @size:     sizeof(act_params) as the caller compiled it. The library reads
 *            only the first @size bytes. Sizes below the first version's (40
 *            bytes on LP64) are rejected; bytes past the members this library
 *            knows must be zero.
 * @alpha:    first scalar parameter.
 * @beta:     second scalar parameter.
 * @slopes:   PReLU: @channels slopes.
 * @channels: PReLU: number of channels.
 * @inner:    PReLU: elements per channel run; element i uses channel
 *            (i / inner) % channels. For NCHW data, inner = H*W.
 * Since: 1.0.
 */
typedef struct act_params {
    size_t size;
    float alpha, beta;
    const float *slopes;
    size_t channels;
    size_t inner;
} act_params;

/** Status codes. ACT_OK is 0; every error is negative. Since: 1.0. */
enum act_status {
    ACT_OK = 0,
    ACT_ERR_NULL = -1,      /* a NULL pointer where one is required */
    ACT_ERR_KIND = -2,      /* unknown act_kind value */
    ACT_ERR_PARAM = -3,     /* a parameter is NaN, infinite or out of range */
    ACT_ERR_OVERLAP = -4,   /* in and out overlap without being equal */
    ACT_ERR_ISA = -5,       /* the ISA is not available on this CPU/build */
    ACT_ERR_SIZE = -6,      /* params->size too small, or unknown trailing bytes set */
    ACT_ERR_LENGTH = -7     /* n * sizeof(float) does not fit the address space */
};

/** Instruction-set families. Since: 1.0. */
typedef enum act_isa {
    ACT_ISA_SCALAR = 1,
    ACT_ISA_SSE2 = 2,
    ACT_ISA_AVX2 = 3,   /* AVX2 + FMA, with the OS saving YMM state */
    ACT_ISA_AVX512 = 4, /* AVX-512 F+BW+DQ+VL, with the OS saving ZMM/opmask state */
    ACT_ISA_NEON = 5    /* AArch64 Advanced SIMD */
} act_isa;

/**
 * act_apply() - out[i] = f(in[i]) for i < n, f chosen by @kind and @params.
 * @kind:   the activation.
 * @params: NULL for the kind's defaults; else read for its first
 *          params->size bytes (see struct act_params).
 * @in:     n floats, any alignment. May be NULL when n == 0.
 * @out:    n floats, any alignment. in == out computes in place; any other
 *          overlap of the two ranges is an error.
 * @n:      number of elements.
 *
 * The kind and the parameters are checked even when n == 0; the pointers only
 * when n > 0.
 *
 * Returns: ACT_OK, or ACT_ERR_KIND, ACT_ERR_PARAM, ACT_ERR_SIZE, ACT_ERR_NULL,
 * ACT_ERR_OVERLAP, ACT_ERR_LENGTH. On error nothing is written to out.
 * Thread-safe and reentrant; never changes the FP environment. Since: 1.0.
 */
ACT_API int act_apply(act_kind kind, const act_params *params, const float *in, float *out,
                      size_t n);

/**
 * act_params_default() - fill @p with the defaults of @kind.
 * @size: sizeof(act_params) as the caller compiled it; stored in p->size.
 *        Bytes of @p past the members this library knows are set to zero.
 * Returns: ACT_OK, ACT_ERR_NULL (p NULL), ACT_ERR_KIND, ACT_ERR_SIZE (size
 * smaller than the first version of the struct); on error @p is untouched.
 * Thread-safe. Since: 1.0.
 */
ACT_API int act_params_default(act_kind kind, act_params *p, size_t size);

/**
 * act_strerror() - a static English description of @status.
 * Returns: never NULL; unknown codes give "unknown status". Since: 1.0.
 */
ACT_API const char *act_strerror(int status);

/**
 * act_isa_available() - 1 if this build and CPU can run @isa, else 0.
 * x86 ISAs are checked with CPUID and XGETBV (the OS must save the
 * registers); NEON is always available on AArch64. Thread-safe. Since: 1.0.
 */
ACT_API int act_isa_available(act_isa isa);

/**
 * act_active_isa() - the highest ISA act_apply() may use now: the best
 * available one, capped by ACT_MAX_ISA (read once, at first use) or by the
 * last act_set_max_isa(). Thread-safe. Since: 1.0.
 */
ACT_API act_isa act_active_isa(void);

/**
 * act_kernel_isa() - the ISA whose kernel act_apply() uses for @kind now.
 * It is act_active_isa() or, for a kind without a kernel of its own on that
 * ISA, the next lower ISA that has one.
 * Returns: the ISA, or 0 for an unknown kind. Thread-safe. Since: 1.0.
 */
ACT_API act_isa act_kernel_isa(act_kind kind);

/**
 * act_set_max_isa() - cap the ISA used by every later act_apply() in the
 * process, overriding ACT_MAX_ISA. Capping at the best ISA removes the cap.
 * Calls already running finish with the kernels they started with.
 * Returns: ACT_OK, or ACT_ERR_ISA if @isa is unknown or not available (the
 * cap is then unchanged). Thread-safe. Since: 1.0.
 */
ACT_API int act_set_max_isa(act_isa isa);

/**
 * act_isa_name() - "scalar", "sse2", "avx2", "avx512" or "neon"; the same
 * strings ACT_MAX_ISA accepts. Returns: NULL for an unknown value. Since: 1.0.
 */
ACT_API const char *act_isa_name(act_isa isa);

/**
 * act_isa_from_name() - the ISA named @name (as act_isa_name spells it).
 * Returns: 0 if @name is NULL or unknown. Since: 1.0.
 */
ACT_API act_isa act_isa_from_name(const char *name);

/**
 * act_kind_name() - the kind's name ("gelu_tanh"), as listed at act_kind.
 * Returns: NULL for an unknown kind. Since: 1.0.
 */
ACT_API const char *act_kind_name(act_kind kind);

/**
 * act_kind_from_name() - the kind called @name (exact, lower case).
 * Returns: 0 if @name is NULL or unknown. Since: 1.0.
 */
ACT_API act_kind act_kind_from_name(const char *name);

/** act_version() - major*10000 + minor*100 + patch of the loaded library. Since: 1.0. */
ACT_API unsigned act_version(void);

/** act_version_string() - "1.0.0" for the loaded library. Since: 1.0. */
ACT_API const char *act_version_string(void);

#ifdef __cplusplus
}
#endif

#endif /* ACT_ACT_H */
