/*
 * The truth for every test: each kind evaluated with MPFR at 256 bits and
 * rounded once to float (round to nearest, subnormals included).
 */
#ifndef ACT_TESTS_REF_MPFR_H
#define ACT_TESTS_REF_MPFR_H

#include <stdint.h>

#include "act/act.h"

/*
 * act_ref_f32() - the correctly rounded f(x) for @kind. @p NULL means the
 * kind's defaults. For ACT_PRELU the slope of x's channel is p->alpha (the
 * caller picks the channel). Not thread-safe within one thread's MPFR cache
 * only in the sense that MPFR's constant caches are per thread: safe to call
 * from several threads.
 */
float act_ref_f32(act_kind kind, const act_params *p, float x);

/* Floats between a and b on the number line: 0 if a == b (+0 == -0) or both
 * are NaN; UINT32_MAX if exactly one is NaN. */
uint32_t act_ulp_dist(float a, float b);

#endif
