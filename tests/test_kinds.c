/*
 * Every kind on every ISA the host can run, each a cmocka case named
 * "<kind>/<isa>": forced with act_set_max_isa, checked to really run that ISA,
 * then compared with the MPFR reference over a sweep of the whole float range
 * and [-20, 20], special values, every length 0..33 with a guard page after
 * in and out, unaligned buffers and in place.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bounds.h"
#include "kernels/list.h"
#include "ref_mpfr.h"
#include "testutil.h"

#define MAX_TAIL 33 /* 2 * 16 + 1: two AVX-512 vectors and one more */
#define NVARIANT 3  /* defaults, ordinary values, edge values */

/* ---- inputs ------------------------------------------------------------- */

static const uint32_t special_bits[] = {
    0x00000000, 0x80000000,                         /* ±0 */
    0x00000001, 0x80000001, 0x007fffff, 0x807fffff, /* denormal min / max */
    0x00800000, 0x80800000,                         /* ±FLT_MIN */
    0x3f800000, 0xbf800000, 0x7f7fffff, 0xff7fffff, /* ±1, ±FLT_MAX */
    0x7f800000, 0xff800000,                         /* ±inf */
    0x7fc00000, 0xffc00000, 0x7fa00001, 0x7f800001, /* NaNs: quiet, negative, payload, signalling */
    0x40400000, 0xc0400000, 0x40c00000, 0xc0c00000, /* ±3, ±6 */
    0xbfc00000, 0x4b800000, 0xcb800000,             /* -1.5, ±2^24 */
    0x4c000000, 0xcc000000, 0x4c800000, 0xcc800000, /* ±2^25, ±2^26 */
    0xc2aeac50, 0xc2cff1b5, 0x42b17218, 0xc2b17218, /* -87.34, -103.97, ±88.72 */
};

static float *inputs;
static size_t n_inputs;

static void build_inputs(void) {
    const double scale = test_scale();
    const uint64_t stride = (uint64_t)(0x10001 / scale) | 1;
    const size_t n_dense = (size_t)(40000 * scale);
    const size_t n_special = sizeof special_bits / sizeof special_bits[0];
    const size_t cap = n_special + (size_t)(0x100000000ull / stride) + 1 + n_dense + 1 + 2 * 200;
    inputs = malloc(cap * sizeof *inputs);
    size_t n = 0;
    for (size_t i = 0; i < n_special; i++) inputs[n++] = f_from_bits(special_bits[i]);
    for (uint64_t u = 7; u <= 0xffffffffull; u += stride) inputs[n++] = f_from_bits((uint32_t)u);
    for (size_t i = 0; i <= n_dense; i++)
        inputs[n++] = (float)(-20.0 + 40.0 * (double)i / (double)n_dense);
    /* the 100 floats either side of -3 and 3, where the hard* kinds bend */
    for (int s = -1; s <= 1; s += 2)
        for (int i = -100; i < 100; i++)
            inputs[n++] = f_from_bits((uint32_t)((int32_t)f_bits(3.0f * (float)s) + i));
    n_inputs = n;
}

/* ---- parameter variants: [0] defaults, [1] something else ------------------- */

static const float prelu_slopes[3] = {0.25f, -1.5f, 0.0f};
#define PRELU_INNER 5

static act_params variant(act_kind kind, int v) {
    act_params p;
    act_params_default(kind, &p, sizeof p);
    if (kind == ACT_PRELU) {
        static const size_t channels[NVARIANT] = {1, 3, 3}, inner[NVARIANT] = {1, PRELU_INNER, 1};
        p.slopes = prelu_slopes;
        p.channels = channels[v];
        p.inner = inner[v];
    }
    if (v == 1) {
        switch (kind) {
        case ACT_LEAKY_RELU: p.alpha = 0.2f; break;
        case ACT_BOUNDED_RELU: p.alpha = 2.5f; break;
        case ACT_HARDTANH:
            p.alpha = -0.5f;
            p.beta = 2.0f;
            break;
        case ACT_ELU: p.alpha = 0.5f; break;
        case ACT_CELU: p.alpha = 4.0f; break;      /* top of the SIMD range */
        case ACT_SOFTPLUS: p.alpha = 16.0f; break; /* top of the SIMD range */
        case ACT_SWISH: p.alpha = -256.0f; break;  /* edge of the SIMD range */
        default: break;
        }
    } else if (v == 2) { /* the edges of each valid range */
        switch (kind) {
        case ACT_LEAKY_RELU: p.alpha = -3.0f; break;
        case ACT_BOUNDED_RELU: p.alpha = 0.0f; break;
        case ACT_HARDTANH: p.alpha = p.beta = 0.0f; break;
        case ACT_ELU: p.alpha = 0.0f; break;
        case ACT_CELU: p.alpha = 1e-3f; break;
        case ACT_SOFTPLUS: p.alpha = 1e-3f; break;
        case ACT_SWISH: p.alpha = 0.0f; break;
        default: break;
        }
    }
    return p;
}

/* The reference for element i of an act_apply call (PReLU's slope depends on i). */
static float ref_at(act_kind kind, const act_params *p, size_t i, float x) {
    if (kind != ACT_PRELU) return act_ref_f32(kind, p, x);
    act_params q = *p;
    q.alpha = p->slopes[(i / p->inner) % p->channels];
    return act_ref_f32(kind, &q, x);
}

static int has_variant(act_kind kind) {
    switch (kind) {
    case ACT_LEAKY_RELU:
    case ACT_PRELU:
    case ACT_BOUNDED_RELU:
    case ACT_HARDTANH:
    case ACT_ELU:
    case ACT_CELU:
    case ACT_SOFTPLUS:
    case ACT_SWISH: return 1;
    default: return 0;
    }
}

/* reference results, computed once per kind and variant, shared by the ISAs */
static float *refs[ACT_KIND_COUNT + 1][NVARIANT];

static const float *reference(act_kind kind, int v) {
    if (!refs[kind][v]) {
        const act_params p = variant(kind, v);
        float *r = malloc(n_inputs * sizeof *r);
        for (size_t i = 0; i < n_inputs; i++) r[i] = ref_at(kind, &p, i, inputs[i]);
        refs[kind][v] = r;
    }
    return refs[kind][v];
}

/* ---- checks ---------------------------------------------------------------- */

typedef struct kcase {
    act_kind kind;
    act_isa isa;
    char name[48];
} kcase;

static int is_simd_kind(act_kind kind) {
#define ACT_IS_SIMD_(E, name)                                                                      \
    if (kind == ACT_##E) return 1;
    ACT_SIMD_KIND_LIST(ACT_IS_SIMD_)
#undef ACT_IS_SIMD_
    return 0;
}

/* got vs want within the bound; exact kinds bit for bit (NaN: any NaN). */
static void check_value(const kcase *c, const act_params *p, float x, float got, float want,
                        unsigned bound, const char *what, size_t n) {
    const uint32_t d = act_ulp_dist(got, want);
    const int exact_ok = !act_test_exact(c->kind) || isnan(want) || f_bits(got) == f_bits(want);
    if (d > bound || !exact_ok)
        fail_msg(
            "%s %s n=%zu alpha=%g: f(%a = 0x%08x) = %a (0x%08x), want %a (0x%08x): %u ULP > %u",
            c->name, what, n, (double)p->alpha, (double)x, f_bits(x), (double)got, f_bits(got),
            (double)want, f_bits(want), d, bound);
}

/* The same inputs in a scrambled order give the same bits: a result never
 * depends on its neighbours or its position, even in kernels that switch
 * bodies per group of vectors (sigmoid's denormal path, for one). */
static void check_shuffled(const kcase *c, const act_params *p, const float *out) {
    if (c->kind == ACT_PRELU) return; /* its slope is chosen by position */
    size_t *perm = malloc(n_inputs * sizeof *perm);
    float *in2 = malloc(n_inputs * sizeof *in2), *out2 = malloc(n_inputs * sizeof *out2);
    for (size_t i = 0; i < n_inputs; i++) perm[i] = i;
    uint64_t r = 0x9e3779b97f4a7c15ull;
    for (size_t i = n_inputs - 1; i > 0; i--) {
        r = r * 6364136223846793005ull + 1442695040888963407ull;
        const size_t j = (size_t)((r >> 33) % (i + 1));
        const size_t t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
    }
    for (size_t i = 0; i < n_inputs; i++) in2[i] = inputs[perm[i]];
    assert_int_equal(act_apply(c->kind, p, in2, out2, n_inputs), ACT_OK);
    for (size_t i = 0; i < n_inputs; i++) {
        const float a = out[perm[i]], b = out2[i];
        if (f_bits(a) != f_bits(b) && !(isnan(a) && isnan(b)))
            fail_msg("%s shuffled: f(%a) = %a in order, %a shuffled", c->name, (double)in2[i],
                     (double)a, (double)b);
    }
    free(perm);
    free(in2);
    free(out2);
}

static void check_sweep(const kcase *c, int v, unsigned bound) {
    const act_params p = variant(c->kind, v);
    const float *want = reference(c->kind, v);
    float *out = malloc(n_inputs * sizeof *out);
    assert_int_equal(act_apply(c->kind, &p, inputs, out, n_inputs), ACT_OK);
    unsigned worst = 0;
    for (size_t i = 0; i < n_inputs; i++) {
        check_value(c, &p, inputs[i], out[i], want[i], bound, "sweep", n_inputs);
        const uint32_t d = act_ulp_dist(out[i], want[i]);
        if (d > worst) worst = d;
    }
    print_message("    %-22s variant %d: %zu inputs, max %u ULP (bound %u)\n", c->name, v, n_inputs,
                  worst, bound);
    check_shuffled(c, &p, out);
    free(out);
}

/* Lengths 0..MAX_TAIL: guard page right after in and out, out of place and in
 * place, and unaligned heap buffers; every element against the reference. */
static void check_lengths(const kcase *c, int v, unsigned bound) {
    const act_params p = variant(c->kind, v);
    /* inputs from the interesting middle: specials then the dense sweep */
    for (size_t n = 0; n <= MAX_TAIL; n++) {
        const size_t start = (n * 7) % 30;
        const float *x = inputs + start;
        float want[MAX_TAIL];
        for (size_t i = 0; i < n; i++) want[i] = ref_at(c->kind, &p, i, x[i]);

        guarded gi, go;
        guarded_alloc(&gi, n);
        guarded_alloc(&go, n);
        memcpy(gi.p, x, n * sizeof(float));
        assert_int_equal(act_apply(c->kind, &p, gi.p, go.p, n), ACT_OK);
        for (size_t i = 0; i < n; i++)
            check_value(c, &p, x[i], go.p[i], want[i], bound, "guarded", n);
        memcpy(go.p, x, n * sizeof(float));
        assert_int_equal(act_apply(c->kind, &p, go.p, go.p, n), ACT_OK);
        for (size_t i = 0; i < n; i++)
            check_value(c, &p, x[i], go.p[i], want[i], bound, "in-place", n);
        guarded_free(&gi);
        guarded_free(&go);

        /* every misalignment of in and out against each other */
        float bin[MAX_TAIL + 4], bout[MAX_TAIL + 5];
        for (size_t oi = 0; oi < 4; oi++) {
            const size_t oo = (oi * 3 + 1) % 4;
            memcpy(bin + oi, x, n * sizeof(float));
            for (size_t i = 0; i < MAX_TAIL + 5; i++) bout[i] = 12345.0f;
            assert_int_equal(act_apply(c->kind, &p, bin + oi, bout + oo, n), ACT_OK);
            for (size_t i = 0; i < n; i++)
                check_value(c, &p, x[i], bout[oo + i], want[i], bound, "unaligned", n);
            for (size_t i = 0; i < MAX_TAIL + 5; i++)
                if (i < oo || i >= oo + n)
                    assert_true(bout[i] == 12345.0f); /* nothing outside [0, n) */
        }
    }
}

static void test_kind_isa(void **state) {
    const kcase *c = *state;
    if (act_set_max_isa(c->isa) != ACT_OK) {
        print_message("    %s: skipped, %s is not available on this CPU/build\n", c->name,
                      act_isa_name(c->isa));
        skip();
    }
    assert_int_equal(act_active_isa(), c->isa);
    const act_isa served = act_kernel_isa(c->kind);
    /* a SIMD kind must run this ISA's own kernel, not a fallback */
    if (is_simd_kind(c->kind)) assert_int_equal(served, c->isa);
    const unsigned bound = act_test_ulp_bound(c->kind, served);
    for (int v = 0; v < (has_variant(c->kind) ? NVARIANT : 1); v++) {
        check_sweep(c, v, bound);
        check_lengths(c, v, bound);
    }
}

/* Limits act.h promises, bit for bit, on every ISA. */
static void test_special_values(void **state) {
    (void)state;
    struct {
        act_kind kind;
        uint32_t x, want;
    } t[] = {
        {ACT_RELU, 0x80000000, 0x00000000},      {ACT_RELU, 0x00000001, 0x00000001},
        {ACT_RELU6, 0x80000000, 0x00000000},     {ACT_RELU6, 0x7f800000, 0x40c00000},
        {ACT_HARDTANH, 0x80000000, 0x80000000},  {ACT_LEAKY_RELU, 0xff800000, 0xff800000},
        {ACT_GELU_TANH, 0xff800000, 0x80000000}, {ACT_GELU_ERF, 0xff800000, 0x80000000},
        {ACT_GELU_TANH, 0x7f800000, 0x7f800000}, {ACT_GELU_ERF, 0x7f7fffff, 0x7f7fffff},
        {ACT_SIGMOID, 0xff800000, 0x00000000},   {ACT_SIGMOID, 0x7f800000, 0x3f800000},
        {ACT_TANH, 0xff800000, 0xbf800000},      {ACT_ELU, 0xff800000, 0xbf800000},
        {ACT_SOFTPLUS, 0x7f800000, 0x7f800000},  {ACT_SOFTPLUS, 0x7f7fffff, 0x7f7fffff},
        {ACT_SOFTPLUS, 0xff800000, 0x00000000},  {ACT_LOGSIGMOID, 0xff800000, 0xff800000},
        {ACT_HARDSWISH, 0x7f7fffff, 0x7f7fffff}, {ACT_HARDSWISH, 0xff800000, 0x00000000},
        {ACT_SOFTSIGN, 0x7f800000, 0x3f800000},  {ACT_SOFTSIGN, 0xff800000, 0xbf800000},
        {ACT_SILU, 0x7f7fffff, 0x7f7fffff},      {ACT_MISH, 0x7f7fffff, 0x7f7fffff},
        {ACT_SILU, 0xff800000, 0x80000000},      {ACT_HARDSIGMOID, 0x7f800000, 0x3f800000},
    };
    for (size_t k = 0; k < test_isa_count; k++) {
        if (act_set_max_isa(test_isas[k]) != ACT_OK) continue;
        for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
            float x = f_from_bits(t[i].x), y = 0;
            assert_int_equal(act_apply(t[i].kind, NULL, &x, &y, 1), ACT_OK);
            if (f_bits(y) != t[i].want)
                fail_msg("%s/%s(0x%08x) = 0x%08x, want 0x%08x", act_kind_name(t[i].kind),
                         act_isa_name(test_isas[k]), t[i].x, f_bits(y), t[i].want);
        }
        /* NaN in, NaN out, every kind */
        for (int kind = 1; kind <= ACT_KIND_COUNT; kind++) {
            act_params p = variant((act_kind)kind, 0);
            float x[3] = {NAN, -NAN, f_from_bits(0x7fa00001)}, y[3];
            assert_int_equal(act_apply((act_kind)kind, &p, x, y, 3), ACT_OK);
            for (int i = 0; i < 3; i++)
                if (!isnan(y[i]))
                    fail_msg("%s/%s(NaN) = %a", act_kind_name((act_kind)kind),
                             act_isa_name(test_isas[k]), (double)y[i]);
        }
    }
}

int main(void) {
    build_inputs();
    const size_t ncase = ACT_KIND_COUNT * test_isa_count;
    kcase *cases = calloc(ncase, sizeof *cases);
    struct CMUnitTest *tests = calloc(ncase + 1, sizeof *tests);
    size_t t = 0;
    for (size_t k = 0; k < test_isa_count; k++)
        for (int kind = 1; kind <= ACT_KIND_COUNT; kind++, t++) {
            kcase *c = &cases[t];
            c->kind = (act_kind)kind;
            c->isa = test_isas[k];
            snprintf(c->name, sizeof c->name, "%s/%s", act_kind_name(c->kind),
                     act_isa_name(c->isa));
            tests[t] = (struct CMUnitTest){c->name, test_kind_isa, NULL, NULL, c};
        }
    tests[t++] = (struct CMUnitTest){"special_values", test_special_values, NULL, NULL, NULL};
    print_message("%zu inputs per kind and variant (ACT_TEST_SCALE=%g)\n", n_inputs, test_scale());
    const int failed = _cmocka_run_group_tests("kinds", tests, t, NULL, NULL);
    test_print_isa_summary();
    return failed;
}
