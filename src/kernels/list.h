/*
 * The one list of kinds. X(ENUM, name): ENUM is the act_kind suffix, name the
 * act_kind_name() string, which also names the kernel file and symbols
 * (src/kernels/<name>.h, act_f32_<name>__<isa>).
 */
#ifndef ACT_KERNELS_LIST_H
#define ACT_KERNELS_LIST_H

/* Every kind: the piecewise kinds and the transcendental ones below. Every
 * table built from these lists uses designated initializers ([ACT_<ENUM>]),
 * so the order here is free. */
#define ACT_KIND_LIST(X) ACT_PIECEWISE_KIND_LIST(X) ACT_TRANS_KIND_LIST(X)

/* Kinds with a vector body in src/kernels/<name>.h, built for every SIMD ISA:
 * all of them. */
#define ACT_SIMD_KIND_LIST(X) ACT_KIND_LIST(X)

/* The piecewise (exact) kinds. */
#define ACT_PIECEWISE_KIND_LIST(X)                                                                 \
    X(RELU, relu)                                                                                  \
    X(LEAKY_RELU, leaky_relu)                                                                      \
    X(PRELU, prelu)                                                                                \
    X(BOUNDED_RELU, bounded_relu)                                                                  \
    X(RELU6, relu6)                                                                                \
    X(HARDTANH, hardtanh)                                                                          \
    X(HARDSIGMOID, hardsigmoid)                                                                    \
    X(HARDSWISH, hardswish)                                                                        \
    X(SOFTSIGN, softsign)

/* The transcendental kinds: each also has a SLEEF composition
 * (act_f32_<name>_sleef__<isa>, table act_kernels_sleef__<isa>) that the
 * accuracy tool and tests check; dispatch.c never uses it. */
#define ACT_TRANS_KIND_LIST(X)                                                             \
    X(ELU, elu)                                                                            \
    X(SELU, selu)                                                                          \
    X(CELU, celu)                                                                          \
    X(GELU_TANH, gelu_tanh)                                                                \
    X(GELU_ERF, gelu_erf)                                                                  \
    X(SIGMOID, sigmoid)                                                                    \
    X(TANH, tanh)                                                                          \
    X(SILU, silu)                                                                          \
    X(SWISH, swish)                                                                        \
    X(SOFTPLUS, softplus)                                                                  \
    X(MISH, mish)                                                                          \
    X(LOGSIGMOID, logsigmoid)

#endif
