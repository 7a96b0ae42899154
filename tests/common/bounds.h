/*
 * The accuracy bounds that act.h states, in ULP against the correctly rounded
 * result, by kind and by the ISA whose kernel serves it. The suites and the
 * accuracy tool enforce exactly these numbers; change them together with the
 * table in include/act/act.h.
 */
#ifndef ACT_TESTS_BOUNDS_H
#define ACT_TESTS_BOUNDS_H

#include "act/act.h"

static inline unsigned act_test_ulp_bound(act_kind kind, act_isa served_by) {
    const int simd = served_by != ACT_ISA_SCALAR;
    switch (kind) {
    case ACT_RELU:
    case ACT_LEAKY_RELU:
    case ACT_PRELU:
    case ACT_BOUNDED_RELU:
    case ACT_RELU6:
    case ACT_HARDTANH: return 0;
    case ACT_HARDSIGMOID:
    case ACT_SOFTSIGN: return 1;
    case ACT_HARDSWISH: return simd ? 2 : 1;
    default: return simd ? 2 : 1; /* transcendental kinds */
    }
}

/* Kinds whose result must match the reference bit for bit, sign of zero included. */
static inline int act_test_exact(act_kind kind) {
    return act_test_ulp_bound(kind, ACT_ISA_SCALAR) == 0 &&
           act_test_ulp_bound(kind, ACT_ISA_AVX2) == 0;
}

#endif
