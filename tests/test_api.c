/*
 * The API around the kernels: every error class (and that it leaves out[]
 * untouched), names and versions, the ISA controls, act_params versioning,
 * and four threads at once giving the single-thread results.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define SENTINEL 0x7f1234u /* a denormal no kernel produces from the inputs below */
#define N 64

static float in[N], out[N + 8];

static void fill(void) {
    for (int i = 0; i < N; i++) in[i] = (float)(i - 32) * 0.37f;
    for (int i = 0; i < N + 8; i++) out[i] = f_from_bits(SENTINEL);
}
static void assert_untouched(const float *o, size_t n) {
    for (size_t i = 0; i < n; i++) assert_int_equal(f_bits(o[i]), SENTINEL);
}

/* Expect status st and an untouched out[]. */
static void expect_err(act_kind kind, const act_params *p, const float *i, float *o, size_t n,
                       int st) {
    fill();
    for (size_t k = 0; k < N + 8; k++) out[k] = f_from_bits(SENTINEL);
    assert_int_equal(act_apply(kind, p, i, o, n), st);
    assert_untouched(out, N + 8);
    assert_non_null(act_strerror(st));
}

static void test_errors_pointers(void **state) {
    (void)state;
    fill();
    expect_err(ACT_RELU, NULL, NULL, out, N, ACT_ERR_NULL);
    expect_err(ACT_RELU, NULL, in, NULL, N, ACT_ERR_NULL);
    assert_int_equal(act_apply(ACT_RELU, NULL, NULL, NULL, 0), ACT_OK); /* n = 0: nothing touched */
    expect_err(ACT_GELU_ERF, NULL, NULL, out, 1, ACT_ERR_NULL);
}

static void test_errors_kind(void **state) {
    (void)state;
    const int bad[] = {0, -1, ACT_KIND_COUNT + 1, 1000, INT32_MIN};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        expect_err((act_kind)bad[i], NULL, in, out, N, ACT_ERR_KIND);
        expect_err((act_kind)bad[i], NULL, in, out, 0, ACT_ERR_KIND);
        assert_null(act_kind_name((act_kind)bad[i]));
        assert_int_equal(act_kernel_isa((act_kind)bad[i]), 0);
    }
}

static void test_errors_params(void **state) {
    (void)state;
    const float nan = NAN, inf = INFINITY;
    struct {
        act_kind kind;
        float alpha, beta;
    } bad[] = {
        {ACT_LEAKY_RELU, nan, 0},  {ACT_LEAKY_RELU, inf, 0},   {ACT_LEAKY_RELU, -inf, 0},
        {ACT_BOUNDED_RELU, -1, 0}, {ACT_BOUNDED_RELU, nan, 0}, {ACT_BOUNDED_RELU, inf, 0},
        {ACT_HARDTANH, 1, -1},     {ACT_HARDTANH, nan, 1},     {ACT_HARDTANH, -1, nan},
        {ACT_HARDTANH, -inf, 1},   {ACT_ELU, nan, 0},          {ACT_ELU, inf, 0},
        {ACT_CELU, 0, 0},          {ACT_CELU, -0.0f, 0},       {ACT_CELU, nan, 0},
        {ACT_SOFTPLUS, 0, 0},      {ACT_SOFTPLUS, -1, 0},      {ACT_SOFTPLUS, inf, 0},
        {ACT_SOFTPLUS, nan, 0},    {ACT_SWISH, nan, 0},        {ACT_SWISH, -inf, 0},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        act_params p;
        assert_int_equal(act_params_default(bad[i].kind, &p, sizeof p), ACT_OK);
        p.alpha = bad[i].alpha;
        if (bad[i].kind == ACT_HARDTANH) p.beta = bad[i].beta;
        expect_err(bad[i].kind, &p, in, out, N, ACT_ERR_PARAM);
        expect_err(bad[i].kind, &p, in, out, 0, ACT_ERR_PARAM);
    }
    /* edge values that are valid */
    act_params p;
    act_params_default(ACT_BOUNDED_RELU, &p, sizeof p);
    p.alpha = 0;
    fill();
    assert_int_equal(act_apply(ACT_BOUNDED_RELU, &p, in, out, N), ACT_OK);
    act_params_default(ACT_HARDTANH, &p, sizeof p);
    p.alpha = p.beta = 0.5f;
    assert_int_equal(act_apply(ACT_HARDTANH, &p, in, out, N), ACT_OK);
    for (int i = 0; i < N; i++) assert_true(out[i] == 0.5f);

    /* PReLU: slopes required, finite; channels and inner >= 1 */
    const float slopes[3] = {0.1f, 0.2f, 0.3f}, bad_slopes[3] = {0.1f, NAN, 0.3f};
    expect_err(ACT_PRELU, NULL, in, out, N, ACT_ERR_NULL);
    act_params_default(ACT_PRELU, &p, sizeof p);
    expect_err(ACT_PRELU, &p, in, out, N, ACT_ERR_NULL);
    p.slopes = slopes;
    p.channels = 0;
    expect_err(ACT_PRELU, &p, in, out, N, ACT_ERR_PARAM);
    p.channels = 3;
    p.inner = 0;
    expect_err(ACT_PRELU, &p, in, out, N, ACT_ERR_PARAM);
    p.inner = 2;
    p.slopes = bad_slopes;
    expect_err(ACT_PRELU, &p, in, out, N, ACT_ERR_PARAM);
    p.slopes = slopes;
    fill();
    assert_int_equal(act_apply(ACT_PRELU, &p, in, out, N), ACT_OK);
    for (int i = 0; i < N; i++)
        assert_true(out[i] == (in[i] > 0 ? in[i] : in[i] * slopes[(i / 2) % 3]));
}

static void test_errors_size(void **state) {
    (void)state;
    struct {
        act_params p;
        unsigned char extra[16];
    } big;
    act_params p;
    act_params_default(ACT_ELU, &p, sizeof p);
    p.size = sizeof p - 1;
    expect_err(ACT_ELU, &p, in, out, N, ACT_ERR_SIZE);
    p.size = 0;
    expect_err(ACT_ELU, &p, in, out, N, ACT_ERR_SIZE);
    /* a newer caller's larger struct: fine while the unknown tail is zero */
    memset(&big, 0xab, sizeof big);
    assert_int_equal(act_params_default(ACT_ELU, &big.p, sizeof big), ACT_OK);
    assert_int_equal(big.p.size, sizeof big);
    for (size_t i = 0; i < sizeof big.extra; i++) assert_int_equal(big.extra[i], 0);
    fill();
    assert_int_equal(act_apply(ACT_ELU, &big.p, in, out, N), ACT_OK);
    big.extra[5] = 1;
    expect_err(ACT_ELU, &big.p, in, out, N, ACT_ERR_SIZE);
    /* act_params_default's own errors leave p alone */
    memset(&p, 0x5a, sizeof p);
    assert_int_equal(act_params_default(ACT_ELU, &p, 8), ACT_ERR_SIZE);
    assert_int_equal(act_params_default((act_kind)0, &p, sizeof p), ACT_ERR_KIND);
    assert_int_equal(act_params_default(ACT_ELU, NULL, sizeof p), ACT_ERR_NULL);
    for (size_t i = 0; i < sizeof p; i++) assert_int_equal(((unsigned char *)&p)[i], 0x5a);
}

static void test_errors_overlap(void **state) {
    (void)state;
    static float buf[2 * N];
    for (int shift = -N + 1; shift < N; shift++) {
        if (shift == 0) continue;
        for (int i = 0; i < 2 * N; i++) buf[i] = f_from_bits(SENTINEL);
        float *o = buf + N / 2, *i_ = o + shift;
        if (i_ < buf || i_ + N > buf + 2 * N) continue;
        assert_int_equal(act_apply(ACT_RELU, NULL, i_, o, N / 2),
                         abs(shift) < N / 2 ? ACT_ERR_OVERLAP : ACT_OK);
        if (abs(shift) < N / 2)
            for (int k = 0; k < 2 * N; k++) assert_int_equal(f_bits(buf[k]), SENTINEL);
    }
    /* adjacent (touching) ranges are fine; in == out is in place */
    fill();
    assert_int_equal(act_apply(ACT_RELU, NULL, out, out + N / 2, N / 2), ACT_OK);
    assert_int_equal(act_apply(ACT_RELU, NULL, out + N / 2, out, N / 2), ACT_OK);
    for (int i = 0; i < N; i++) out[i] = in[i];
    assert_int_equal(act_apply(ACT_RELU, NULL, out, out, N), ACT_OK);
    for (int i = 0; i < N; i++) assert_true(out[i] == (in[i] > 0 ? in[i] : 0.0f));
}

static void test_errors_length(void **state) {
    (void)state;
    expect_err(ACT_RELU, NULL, in, out, SIZE_MAX, ACT_ERR_LENGTH);
    expect_err(ACT_RELU, NULL, in, out, SIZE_MAX / 4 + 1, ACT_ERR_LENGTH);
    /* fits the multiplication but runs off the end of the address space */
    expect_err(ACT_RELU, NULL, in, out, SIZE_MAX / 4, ACT_ERR_LENGTH);
}

static void test_names(void **state) {
    (void)state;
    for (int k = 1; k <= ACT_KIND_COUNT; k++) {
        const char *name = act_kind_name((act_kind)k);
        assert_non_null(name);
        assert_int_equal(act_kind_from_name(name), k);
    }
    assert_string_equal(act_kind_name(ACT_GELU_TANH), "gelu_tanh");
    assert_string_equal(act_kind_name(ACT_SWISH), "swish");
    assert_int_equal(act_kind_from_name(NULL), 0);
    assert_int_equal(act_kind_from_name(""), 0);
    assert_int_equal(act_kind_from_name("RELU"), 0);
    assert_int_equal(act_kind_from_name("relu "), 0);
    for (int s = -100; s <= 100; s++) assert_non_null(act_strerror(s));
    assert_string_equal(act_strerror(12345), "unknown status");
    for (int i = 1; i <= 5; i++) assert_int_equal(act_isa_from_name(act_isa_name((act_isa)i)), i);
    assert_null(act_isa_name((act_isa)0));
    assert_null(act_isa_name((act_isa)6));
    assert_int_equal(act_isa_from_name("AVX2"), 0);
    assert_int_equal(act_version(),
                     ACT_VERSION_MAJOR * 10000 + ACT_VERSION_MINOR * 100 + ACT_VERSION_PATCH);
    assert_string_equal(act_version_string(), "1.0.0");
}

static void test_isa_controls(void **state) {
    (void)state;
    assert_true(act_isa_available(ACT_ISA_SCALAR));
    assert_false(act_isa_available((act_isa)0));
    assert_false(act_isa_available((act_isa)99));
    const act_isa before = act_active_isa();
    assert_int_equal(act_set_max_isa((act_isa)0), ACT_ERR_ISA);
    assert_int_equal(act_set_max_isa((act_isa)6), ACT_ERR_ISA);
    for (int i = 1; i <= 5; i++)
        if (!act_isa_available((act_isa)i))
            assert_int_equal(act_set_max_isa((act_isa)i), ACT_ERR_ISA);
    assert_int_equal(act_active_isa(), before); /* failed calls change nothing */
    for (int i = 1; i <= 5; i++) {
        if (!act_isa_available((act_isa)i)) continue;
        assert_int_equal(act_set_max_isa((act_isa)i), ACT_OK);
        assert_int_equal(act_active_isa(), i);
        for (int k = 1; k <= ACT_KIND_COUNT; k++) {
            const act_isa s = act_kernel_isa((act_kind)k);
            assert_true(act_isa_available(s));
            assert_true((int)s == i || s == ACT_ISA_SCALAR || (int)s < i);
        }
    }
    assert_int_equal(act_set_max_isa(before), ACT_OK);
}

/* PReLU's layouts take different paths (runs, stack pattern, direct slope loads,
 * lane by lane): each against the definition, bit for bit, on every ISA. */
static void test_prelu_layouts(void **state) {
    (void)state;
    static const size_t layouts[][2] = {{1, 1},  {3, 5},   {64, 1},  {1000, 1}, {400, 3},
                                        {7, 16}, {2, 100}, {5, 2},   {63, 1},   {1021, 1}};
    static float slopes[1021], x[5003], y[5003];
    for (size_t c = 0; c < 1021; c++) slopes[c] = (float)((int)(c % 11) - 5) * 0.125f;
    for (size_t i = 0; i < 5003; i++) x[i] = (float)((int)((i * 7919u) % 201u) - 100) * 0.5f;
    const act_isa before = act_active_isa();
    for (size_t k = 0; k < test_isa_count; k++) {
        if (act_set_max_isa(test_isas[k]) != ACT_OK) continue;
        for (size_t l = 0; l < sizeof layouts / sizeof layouts[0]; l++) {
            act_params p;
            act_params_default(ACT_PRELU, &p, sizeof p);
            p.slopes = slopes;
            p.channels = layouts[l][0];
            p.inner = layouts[l][1];
            for (size_t n = 0; n <= 5003; n = n < 70 ? n + 1 : (n < 1000 ? 1000 : 5003)) {
                assert_int_equal(act_apply(ACT_PRELU, &p, x, y, n), ACT_OK);
                for (size_t i = 0; i < n; i++) {
                    const float s = slopes[(i / p.inner) % p.channels];
                    const float want = x[i] > 0 ? x[i] : x[i] * s;
                    if (f_bits(y[i]) != f_bits(want))
                        fail_msg("prelu/%s channels=%zu inner=%zu n=%zu: y[%zu] = %a, want %a",
                                 act_isa_name(test_isas[k]), p.channels, p.inner, n, i, (double)y[i],
                                 (double)want);
                }
                if (n == 5003) break;
            }
        }
    }
    assert_int_equal(act_set_max_isa(before), ACT_OK);
}

/* ---- threads: every kind from 4 threads at once equals the single-thread result */
#define TN 4099
static float tin[TN], tref[ACT_KIND_COUNT + 1][TN];
static const float tslopes[4] = {0.1f, -0.2f, 0.3f, 0.0f};

static act_params tparams(act_kind k) {
    act_params p;
    act_params_default(k, &p, sizeof p);
    p.slopes = tslopes;
    p.channels = 4;
    p.inner = 7;
    return p;
}

static void *thread_main(void *arg) {
    (void)arg;
    float *o = malloc(TN * sizeof *o);
    long bad = 0;
    for (int rep = 0; rep < 20; rep++)
        for (int k = 1; k <= ACT_KIND_COUNT; k++) {
            const act_params p = tparams((act_kind)k);
            if (act_apply((act_kind)k, &p, tin, o, TN) != ACT_OK) bad++;
            for (int i = 0; i < TN; i++)
                if (f_bits(o[i]) != f_bits(tref[k][i]) && !(isnan(o[i]) && isnan(tref[k][i])))
                    bad++;
        }
    free(o);
    return (void *)bad;
}

static void test_threads(void **state) {
    (void)state;
    for (int i = 0; i < TN; i++) tin[i] = (float)((i * 2654435761u) % 4000u) * 0.01f - 20.0f;
    for (int k = 1; k <= ACT_KIND_COUNT; k++) {
        const act_params p = tparams((act_kind)k);
        assert_int_equal(act_apply((act_kind)k, &p, tin, tref[k], TN), ACT_OK);
    }
    pthread_t th[4];
    for (int t = 0; t < 4; t++)
        assert_int_equal(pthread_create(&th[t], NULL, thread_main, NULL), 0);
    for (int t = 0; t < 4; t++) {
        void *r;
        pthread_join(th[t], &r);
        assert_int_equal((long)r, 0);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_errors_pointers), cmocka_unit_test(test_errors_kind),
        cmocka_unit_test(test_errors_params),   cmocka_unit_test(test_errors_size),
        cmocka_unit_test(test_errors_overlap),  cmocka_unit_test(test_errors_length),
        cmocka_unit_test(test_names),           cmocka_unit_test(test_isa_controls),
        cmocka_unit_test(test_prelu_layouts), cmocka_unit_test(test_threads),
    };
    return cmocka_run_group_tests_name("api", tests, NULL, NULL);
}
