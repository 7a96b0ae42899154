/* Internal interfaces shared by act.c, dispatch.c and the kernel files. */
#ifndef ACT_INTERNAL_H
#define ACT_INTERNAL_H

#include <stddef.h>

#include "act/act.h"

/* Validated parameters, in the form kernels read them. */
typedef struct act_kargs {
    float alpha, beta;
    const float *slopes; /* PReLU */
    size_t channels;     /* PReLU */
    size_t inner;        /* PReLU */
} act_kargs;

/* out[i] = f(in[i]) for i < n; in == out allowed; never touches in[n], out[n]. */
typedef void (*act_kernel_fn)(const float *in, float *out, size_t n, const act_kargs *a);

/* One row per ISA, every kind filled (falling back to lower ISAs). */
typedef struct act_row {
    act_isa isa;
    act_kernel_fn fn[ACT_KIND_COUNT + 1];
    act_isa fn_isa[ACT_KIND_COUNT + 1];
} act_row;

const act_row *act_row_get(void);

/*
 * The scalar kernels (src/scalar/kernels_scalar.c). Besides being the fallback
 * row, they serve parameter values a vector body is not verified for (see
 * ACT_PARAM_GUARD in src/kernels/common.h).
 */
void act_f32_softplus__scalar(const float *in, float *out, size_t n, const act_kargs *a);
void act_f32_swish__scalar(const float *in, float *out, size_t n, const act_kargs *a);
void act_f32_celu__scalar(const float *in, float *out, size_t n, const act_kargs *a);

#endif
