/*
 * MPFR reference. 256 bits is far beyond what any of these formulas loses to
 * cancellation for float inputs (the worst, x + 3 for hardsigmoid with
 * x = 2^-149, needs 152 bits), so one final rounding gives the correctly
 * rounded float. The formulas are the exact functions as act.h defines them,
 * written in their non-cancelling forms (x*sigmoid(2u) for gelu_tanh, erfc
 * for negative gelu_erf, max(z,0) + log1p(e^-|z|) for softplus).
 */
#include "ref_mpfr.h"

#include <math.h>
#include <mpfr.h>
#include <string.h>

#define PREC 256

static float round_out(mpfr_t r) {
    /* mpfr_get_flt rounds to nearest with float's subnormal range. */
    return mpfr_get_flt(r, MPFR_RNDN);
}

/* r = 1 / (1 + exp(-z)) */
static void sigmoid(mpfr_t r, const mpfr_t z) {
    mpfr_t t;
    mpfr_init2(t, PREC);
    mpfr_neg(t, z, MPFR_RNDN);
    mpfr_exp(t, t, MPFR_RNDN);
    mpfr_add_ui(t, t, 1, MPFR_RNDN);
    mpfr_ui_div(r, 1, t, MPFR_RNDN);
    mpfr_clear(t);
}

/* r = log(1 + exp(z)) = max(z, 0) + log1p(exp(-|z|)) */
static void softplus(mpfr_t r, const mpfr_t z) {
    mpfr_t t;
    mpfr_init2(t, PREC);
    mpfr_abs(t, z, MPFR_RNDN);
    mpfr_neg(t, t, MPFR_RNDN);
    mpfr_exp(t, t, MPFR_RNDN);
    mpfr_log1p(t, t, MPFR_RNDN);
    if (mpfr_sgn(z) > 0)
        mpfr_add(r, t, z, MPFR_RNDN);
    else
        mpfr_set(r, t, MPFR_RNDN);
    mpfr_clear(t);
}

static float clampf_ref(float x, float lo, float hi) { return x < lo ? lo : (x > hi ? hi : x); }

float act_ref_f32(act_kind kind, const act_params *p, float x) {
    act_params d;
    if (!p) {
        act_params_default(kind, &d, sizeof d);
        p = &d;
    }
    const float al = p->alpha, be = p->beta;
    if (isnan(x)) return x;
    /* Kinds that are exact in float need no MPFR. */
    switch (kind) {
    case ACT_RELU: return x > 0 ? x : 0.0f;
    case ACT_LEAKY_RELU:
    case ACT_PRELU:
        return x > 0 ? x : (float)((double)x * al); /* 48-bit product, exact in double */
    case ACT_BOUNDED_RELU: return x <= 0 ? 0.0f : (x > al ? al : x);
    case ACT_RELU6: return x <= 0 ? 0.0f : (x > 6 ? 6.0f : x);
    case ACT_HARDTANH: return clampf_ref(x, al, be);
    default: break;
    }
    /* Infinities: the mathematical limits as act.h states them. */
    if (isinf(x)) {
        const int pos = x > 0;
        switch (kind) {
        case ACT_ELU: return pos ? x : -al;
        case ACT_SELU:
            return pos ? x
                       : (float)(-1.0507009873554804934193349852946 *
                                 1.6732632423543772848170429916717);
        case ACT_CELU: return pos ? x : (al > 0 ? -al : -INFINITY);
        case ACT_GELU_TANH:
        case ACT_GELU_ERF:
        case ACT_SILU:
        case ACT_MISH: return pos ? x : -0.0f;
        case ACT_SWISH: return al == 0 || (al > 0) == pos ? x : (pos ? 0.0f : -0.0f);
        case ACT_SIGMOID: return pos ? 1.0f : 0.0f;
        case ACT_TANH: return pos ? 1.0f : -1.0f;
        case ACT_SOFTPLUS: return pos ? x : 0.0f;
        case ACT_LOGSIGMOID: return pos ? -0.0f : x;
        case ACT_HARDSIGMOID: return pos ? 1.0f : 0.0f;
        case ACT_HARDSWISH: return pos ? x : 0.0f;
        case ACT_SOFTSIGN: return pos ? 1.0f : -1.0f;
        default: return NAN;
        }
    }
    mpfr_t X, r, t, u;
    mpfr_inits2(PREC, X, r, t, u, (mpfr_ptr)0);
    mpfr_set_flt(X, x, MPFR_RNDN);
    switch (kind) {
    case ACT_ELU:
    case ACT_SELU:
    case ACT_CELU:
        if (x > 0) {
            mpfr_set(r, X, MPFR_RNDN);
        } else if (kind == ACT_CELU) {
            mpfr_div_d(t, X, al, MPFR_RNDN);
            mpfr_expm1(t, t, MPFR_RNDN);
            mpfr_mul_d(r, t, al, MPFR_RNDN);
        } else {
            mpfr_expm1(t, X, MPFR_RNDN);
            if (kind == ACT_ELU) {
                mpfr_mul_d(r, t, al, MPFR_RNDN);
            } else {
                mpfr_set_str(u, "1.6732632423543772848170429916717", 10, MPFR_RNDN);
                mpfr_mul(r, t, u, MPFR_RNDN);
            }
        }
        if (kind == ACT_SELU) {
            mpfr_set_str(u, "1.0507009873554804934193349852946", 10, MPFR_RNDN);
            mpfr_mul(r, r, u, MPFR_RNDN);
        }
        break;
    case ACT_GELU_TANH: /* x * sigmoid(2u), u = sqrt(2/pi) (x + 0.044715 x^3) */
        mpfr_pow_ui(t, X, 3, MPFR_RNDN);
        mpfr_set_str(u, "0.044715", 10, MPFR_RNDN);
        mpfr_mul(t, t, u, MPFR_RNDN);
        mpfr_add(t, t, X, MPFR_RNDN);
        mpfr_const_pi(u, MPFR_RNDN);
        mpfr_ui_div(u, 2, u, MPFR_RNDN);
        mpfr_sqrt(u, u, MPFR_RNDN);
        mpfr_mul(t, t, u, MPFR_RNDN);
        mpfr_mul_ui(t, t, 2, MPFR_RNDN);
        sigmoid(u, t);
        mpfr_mul(r, X, u, MPFR_RNDN);
        break;
    case ACT_GELU_ERF: /* 0.5 x (1 + erf(x/sqrt2)) = 0.5 x erfc(-x/sqrt2) */
        mpfr_sqrt_ui(u, 2, MPFR_RNDN);
        mpfr_div(t, X, u, MPFR_RNDN);
        mpfr_neg(t, t, MPFR_RNDN);
        mpfr_erfc(t, t, MPFR_RNDN);
        mpfr_mul(r, X, t, MPFR_RNDN);
        mpfr_div_ui(r, r, 2, MPFR_RNDN);
        break;
    case ACT_SIGMOID: sigmoid(r, X); break;
    case ACT_TANH: mpfr_tanh(r, X, MPFR_RNDN); break;
    case ACT_SILU:
        sigmoid(t, X);
        mpfr_mul(r, X, t, MPFR_RNDN);
        break;
    case ACT_SWISH:
        mpfr_mul_d(u, X, al, MPFR_RNDN);
        sigmoid(t, u);
        mpfr_mul(r, X, t, MPFR_RNDN);
        break;
    case ACT_SOFTPLUS:
        mpfr_mul_d(u, X, al, MPFR_RNDN);
        softplus(t, u);
        mpfr_div_d(r, t, al, MPFR_RNDN);
        break;
    case ACT_LOGSIGMOID:
        mpfr_neg(u, X, MPFR_RNDN);
        softplus(t, u);
        mpfr_neg(r, t, MPFR_RNDN);
        break;
    case ACT_MISH:
        softplus(t, X);
        mpfr_tanh(t, t, MPFR_RNDN);
        mpfr_mul(r, X, t, MPFR_RNDN);
        break;
    case ACT_HARDSIGMOID:
    case ACT_HARDSWISH:
        mpfr_add_ui(t, X, 3, MPFR_RNDN);
        if (mpfr_sgn(t) <= 0) {
            mpfr_set_zero(r, 1);
        } else if (mpfr_cmp_ui(t, 6) >= 0) {
            if (kind == ACT_HARDSIGMOID)
                mpfr_set_ui(r, 1, MPFR_RNDN);
            else
                mpfr_set(r, X, MPFR_RNDN);
        } else {
            mpfr_div_ui(t, t, 6, MPFR_RNDN);
            if (kind == ACT_HARDSIGMOID)
                mpfr_set(r, t, MPFR_RNDN);
            else
                mpfr_mul(r, X, t, MPFR_RNDN);
        }
        break;
    case ACT_SOFTSIGN:
        mpfr_abs(t, X, MPFR_RNDN);
        mpfr_add_ui(t, t, 1, MPFR_RNDN);
        mpfr_div(r, X, t, MPFR_RNDN);
        break;
    default: mpfr_set_nan(r); break;
    }
    const float y = round_out(r);
    mpfr_clears(X, r, t, u, (mpfr_ptr)0);
    return y;
}

static int64_t ordered(float f) {
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    return (u & 0x80000000u) ? -(int64_t)(u & 0x7fffffffu) : (int64_t)u;
}

uint32_t act_ulp_dist(float a, float b) {
    if (isnan(a) || isnan(b)) return isnan(a) && isnan(b) ? 0 : UINT32_MAX;
    const int64_t d = ordered(a) - ordered(b);
    return (uint32_t)(d < 0 ? -d : d);
}
