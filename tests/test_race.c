/*
 * Threads racing the dispatcher, for ThreadSanitizer (stage 60 runs the suite
 * under -fsanitize=thread) and as a plain test everywhere else:
 *  1. first use: four threads make the process's first act_* calls at once,
 *     so the one-time resolution (pthread_once + the published row) is raced;
 *  2. re-pointing: two threads keep capping the ISA with act_set_max_isa()
 *     while two others call act_apply() on every kind and read
 *     act_active_isa()/act_kernel_isa(). Each call runs with one row, so its
 *     whole output must equal, bit for bit, the output of one ISA computed
 *     beforehand on one thread.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define N 517 /* several vectors and a tail on every ISA */
#define NT 4

static float xin[N];
static const float slopes[3] = {0.5f, -0.25f, 0.0f};

static act_params params_for(act_kind kind) {
    act_params p;
    act_params_default(kind, &p, sizeof p);
    p.slopes = slopes;
    p.channels = 3;
    p.inner = 7;
    return p;
}

static int same_bits(const float *a, const float *b) {
    for (size_t i = 0; i < N; i++)
        if (f_bits(a[i]) != f_bits(b[i]) && !(isnan(a[i]) && isnan(b[i]))) return 0;
    return 1;
}

/* ---- 1. the first calls of the process, from NT threads at once ---------------- */

static pthread_barrier_t start;
static float first_out[NT][N];
static int first_status[NT];
static act_isa first_isa[NT];

static void *first_use(void *arg) {
    const int t = (int)(intptr_t)arg;
    const act_params p = params_for(ACT_GELU_TANH);
    pthread_barrier_wait(&start);
    first_status[t] = act_apply(ACT_GELU_TANH, &p, xin, first_out[t], N);
    first_isa[t] = act_active_isa();
    return NULL;
}

static void test_first_use(void **state) {
    (void)state;
    pthread_t th[NT];
    assert_int_equal(pthread_barrier_init(&start, NULL, NT), 0);
    for (int t = 0; t < NT; t++)
        assert_int_equal(pthread_create(&th[t], NULL, first_use, (void *)(intptr_t)t), 0);
    for (int t = 0; t < NT; t++) pthread_join(th[t], NULL);
    pthread_barrier_destroy(&start);
    float want[N];
    const act_params p = params_for(ACT_GELU_TANH);
    assert_int_equal(act_apply(ACT_GELU_TANH, &p, xin, want, N), ACT_OK);
    for (int t = 0; t < NT; t++) {
        assert_int_equal(first_status[t], ACT_OK);
        assert_int_equal(first_isa[t], act_active_isa());
        assert_true(same_bits(first_out[t], want));
    }
}

/* ---- 2. act_set_max_isa racing act_apply ---------------------------------------- */

static act_isa isas[8];
static int nisa;
static float ref[8][ACT_KIND_COUNT + 1][N]; /* per ISA, per kind */
static atomic_int stop;
static atomic_long mismatches, calls;

static void *switcher(void *arg) {
    unsigned r = (unsigned)(intptr_t)arg;
    while (!atomic_load(&stop)) {
        r = r * 1103515245u + 12345u;
        if (act_set_max_isa(isas[(r >> 16) % (unsigned)nisa]) != ACT_OK)
            atomic_fetch_add(&mismatches, 1);
    }
    return NULL;
}

static void *applier(void *arg) {
    (void)arg;
    float *out = malloc(N * sizeof *out);
    for (int rep = 0; rep < 30; rep++)
        for (int k = 1; k <= ACT_KIND_COUNT; k++) {
            const act_params p = params_for((act_kind)k);
            const act_isa a = act_active_isa(), s = act_kernel_isa((act_kind)k);
            /* (s may be above a: the cap can move between the two reads) */
            if (!act_isa_available(a) || !act_isa_available(s)) atomic_fetch_add(&mismatches, 1);
            if (act_apply((act_kind)k, &p, xin, out, N) != ACT_OK) {
                atomic_fetch_add(&mismatches, 1);
                continue;
            }
            int found = 0;
            for (int i = 0; i < nisa && !found; i++) found = same_bits(out, ref[i][k]);
            if (!found) atomic_fetch_add(&mismatches, 1);
            atomic_fetch_add(&calls, 1);
        }
    free(out);
    return NULL;
}

static void test_switch_while_applying(void **state) {
    (void)state;
    const act_isa before = act_active_isa();
    nisa = 0;
    for (size_t i = 0; i < test_isa_count; i++)
        if (act_isa_available(test_isas[i])) isas[nisa++] = test_isas[i];
    for (int i = 0; i < nisa; i++) {
        assert_int_equal(act_set_max_isa(isas[i]), ACT_OK);
        for (int k = 1; k <= ACT_KIND_COUNT; k++) {
            const act_params p = params_for((act_kind)k);
            assert_int_equal(act_apply((act_kind)k, &p, xin, ref[i][k], N), ACT_OK);
        }
    }
    atomic_store(&stop, 0);
    pthread_t sw[2], ap[2];
    for (int t = 0; t < 2; t++) {
        assert_int_equal(pthread_create(&sw[t], NULL, switcher, (void *)(intptr_t)(t + 1)), 0);
        assert_int_equal(pthread_create(&ap[t], NULL, applier, NULL), 0);
    }
    for (int t = 0; t < 2; t++) pthread_join(ap[t], NULL);
    atomic_store(&stop, 1);
    for (int t = 0; t < 2; t++) pthread_join(sw[t], NULL);
    print_message("    %ld calls on %d ISAs while the cap moved\n", atomic_load(&calls), nisa);
    assert_int_equal(atomic_load(&mismatches), 0);
    assert_int_equal(act_set_max_isa(before), ACT_OK);
}

int main(void) {
    uint32_t r = 99;
    for (int i = 0; i < N; i++) {
        r = r * 1664525u + 1013904223u;
        xin[i] = i % 7 == 0 ? f_from_bits(r) : (float)((int)(r >> 9) % 4000) * 0.01f;
    }
    /* test_first_use must make the process's first act_* calls: it runs first,
     * and nothing above calls the library */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_first_use),
        cmocka_unit_test(test_switch_while_applying),
    };
    return cmocka_run_group_tests_name("race", tests, NULL, NULL);
}
