/*
 * The caller's floating-point environment.
 *
 * 1. The library never changes it: the control register (MXCSR on x86-64:
 *    rounding, exception masks, FTZ, DAZ; plus the x87 control word; FPCR on
 *    AArch64) is the same after every kind on every ISA, under each rounding
 *    mode, and exception flags the caller had raised are still raised
 *    (a kernel may raise flags of its own, as any float arithmetic does).
 * 2. With the caller's FTZ/DAZ on (MXCSR bits 15 and 6, as PyTorch's
 *    set_flush_denormal(True) sets them; FPCR.FZ on AArch64) every kind on every
 *    ISA runs without crashing, returns no NaN for a non-NaN input, and gives
 *    results for normal (or zero) inputs whose result is normal that are bit-
 *    identical for the exact kinds and within the kind's stated bound of the
 *    unflushed result for the others (an intermediate can be denormal and be
 *    flushed; the differences are printed).
 *    What happens to denormals then is printed (docs/reliability.md).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bounds.h"
#include "testutil.h"

#if defined(__x86_64__) || defined(__i386__)
#include <xmmintrin.h>
#define HAVE_FPCTRL 1
#define FLUSH_NAME "MXCSR FTZ|DAZ (0x8040)"
typedef struct fpctrl {
    unsigned mxcsr; /* without the six exception flag bits */
    unsigned short x87;
} fpctrl;
static fpctrl get_ctrl(void) {
    fpctrl c;
    c.mxcsr = _mm_getcsr() & ~0x3fu;
    __asm__ volatile("fnstcw %0" : "=m"(c.x87));
    return c;
}
static int ctrl_equal(fpctrl a, fpctrl b) { return a.mxcsr == b.mxcsr && a.x87 == b.x87; }
static void ctrl_print(const char *what, fpctrl c) {
    print_message("    %s: MXCSR control 0x%04x, x87 control 0x%04x\n", what, c.mxcsr, c.x87);
}
static void set_flush(int on) {
    const unsigned m = _mm_getcsr();
    _mm_setcsr(on ? m | 0x8040u : m & ~0x8040u);
}
#elif defined(__aarch64__)
#define HAVE_FPCTRL 1
#define FLUSH_NAME "FPCR.FZ (bit 24)"
typedef struct fpctrl {
    uint64_t fpcr;
} fpctrl;
static fpctrl get_ctrl(void) {
    fpctrl c;
    __asm__ volatile("mrs %0, fpcr" : "=r"(c.fpcr));
    return c;
}
static int ctrl_equal(fpctrl a, fpctrl b) { return a.fpcr == b.fpcr; }
static void ctrl_print(const char *what, fpctrl c) {
    print_message("    %s: FPCR 0x%08llx\n", what, (unsigned long long)c.fpcr);
}
static void set_flush(int on) {
    uint64_t v;
    __asm__ volatile("mrs %0, fpcr" : "=r"(v));
    v = on ? v | (1ull << 24) : v & ~(1ull << 24);
    __asm__ volatile("msr fpcr, %0" : : "r"(v));
}
#else
#define HAVE_FPCTRL 0
#endif

static float *xs;
static size_t nx;

static void build_inputs(void) {
    static const uint32_t sp[] = {
        0x00000000, 0x80000000, 0x00000001, 0x80000001, 0x007fffff, 0x807fffff, 0x00800000,
        0x80800000, 0x3f800000, 0xbf800000, 0x7f7fffff, 0xff7fffff, 0x7f800000, 0xff800000,
        0x40400000, 0xc0400000, 0x40c00000, 0xc0c00000, 0xc2aeac50, 0xc2cff1b5, 0x42b17218,
        0xc2b17218, 0x4c800000, 0xcc800000, 0x7fc00000,
    };
    const size_t ns = sizeof sp / sizeof sp[0];
    nx = ns + 4001 + 801 + 2 * 256 + 4096;
    xs = malloc(nx * sizeof *xs);
    size_t n = 0;
    for (size_t i = 0; i < ns; i++) xs[n++] = f_from_bits(sp[i]);
    for (int i = 0; i <= 4000; i++) xs[n++] = -20.0f + 0.01f * (float)i;
    for (int i = 0; i <= 800; i++) xs[n++] = -120.0f + 0.05f * (float)i; /* tiny results */
    for (uint32_t i = 0; i < 256; i++) {                                  /* denormal inputs */
        xs[n++] = f_from_bits(1u + i * 0x7fff);
        xs[n++] = f_from_bits(0x80000001u + i * 0x7fff);
    }
    uint32_t r = 7;
    for (int i = 0; i < 4096; i++) {
        r = r * 1664525u + 1013904223u;
        xs[n++] = f_from_bits(r);
    }
    nx = n;
}

static const float slopes[3] = {0.25f, -1.5f, 0.0f};

static act_params params_for(act_kind kind) {
    act_params p;
    act_params_default(kind, &p, sizeof p);
    p.slopes = slopes;
    p.channels = 3;
    p.inner = 5;
    return p;
}

#if HAVE_FPCTRL
static fenv_t saved_env;

static int save_env(void **state) {
    (void)state;
    return fegetenv(&saved_env);
}
static int restore_env(void **state) {
    (void)state;
    return fesetenv(&saved_env);
}

/* Every kind on every ISA leaves the control register alone, under each rounding mode,
 * and does not clear flags the caller raised. */
static void test_env_unchanged(void **state) {
    (void)state;
    static const int modes[] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
    static const char *const mode_names[] = {"to nearest", "upward", "downward", "toward zero"};
    float *out = malloc(nx * sizeof *out);
    for (size_t m = 0; m < sizeof modes / sizeof modes[0]; m++) {
        for (int flush = 0; flush < 2; flush++) {
            assert_int_equal(fesetround(modes[m]), 0);
            set_flush(flush);
            for (size_t k = 0; k < test_isa_count; k++) {
                if (act_set_max_isa(test_isas[k]) != ACT_OK) continue;
                for (int kind = 1; kind <= ACT_KIND_COUNT; kind++) {
                    const act_params p = params_for((act_kind)kind);
                    feclearexcept(FE_ALL_EXCEPT);
                    feraiseexcept(FE_DIVBYZERO | FE_OVERFLOW); /* the caller's sticky flags */
                    const fpctrl before = get_ctrl();
                    assert_int_equal(act_apply((act_kind)kind, &p, xs, out, nx), ACT_OK);
                    assert_int_equal(act_apply((act_kind)kind, &p, out, out, nx), ACT_OK);
                    const fpctrl after = get_ctrl();
                    if (!ctrl_equal(before, after)) {
                        ctrl_print("before", before);
                        ctrl_print("after", after);
                        fail_msg("%s/%s (rounding %s, flush %d) changed the FP control register",
                                 act_kind_name((act_kind)kind), act_isa_name(test_isas[k]),
                                 mode_names[m], flush);
                    }
                    if (fegetround() != modes[m]) fail_msg("rounding mode changed");
                    if (fetestexcept(FE_DIVBYZERO | FE_OVERFLOW) != (FE_DIVBYZERO | FE_OVERFLOW))
                        fail_msg("%s/%s cleared the caller's exception flags",
                                 act_kind_name((act_kind)kind), act_isa_name(test_isas[k]));
                }
            }
        }
    }
    fesetenv(&saved_env);
    free(out);
}

static uint32_t ulp_dist(float a, float b) {
    const int64_t ka = (f_bits(a) >> 31) ? -(int64_t)(f_bits(a) & 0x7fffffff) : (int64_t)f_bits(a);
    const int64_t kb = (f_bits(b) >> 31) ? -(int64_t)(f_bits(b) & 0x7fffffff) : (int64_t)f_bits(b);
    const int64_t d = ka > kb ? ka - kb : kb - ka;
    return d > UINT32_MAX ? UINT32_MAX : (uint32_t)d;
}

static int is_normal_or_zero(float x) { return isnormal(x) || x == 0; }

/* FTZ/DAZ set by the caller: no crash, no NaN from a non-NaN input, normal results unchanged. */
static void test_flush_denormals(void **state) {
    (void)state;
    float *base = malloc(nx * sizeof *base), *ftz = malloc(nx * sizeof *ftz);
    const float dmin = f_from_bits(1), dneg = f_from_bits(0x807fffff);
    int failures = 0;
    print_message("    with %s: f(+denorm_min), f(-0x1.fffffcp-127), f(-100), baseline -> flushed\n",
                  FLUSH_NAME);
    for (size_t k = 0; k < test_isa_count; k++) {
        if (act_set_max_isa(test_isas[k]) != ACT_OK) {
            print_message("    %s: skipped, not available on this CPU/build\n",
                          act_isa_name(test_isas[k]));
            continue;
        }
        for (int kind = 1; kind <= ACT_KIND_COUNT; kind++) {
            const act_params p = params_for((act_kind)kind);
            const char *kn = act_kind_name((act_kind)kind), *in_ = act_isa_name(test_isas[k]);
            set_flush(0);
            assert_int_equal(act_apply((act_kind)kind, &p, xs, base, nx), ACT_OK);
            set_flush(1);
            assert_int_equal(act_apply((act_kind)kind, &p, xs, ftz, nx), ACT_OK);
            float probe_in[3] = {dmin, dneg, -100.0f}, probe[3], probe0[3];
            assert_int_equal(act_apply((act_kind)kind, &p, probe_in, probe, 3), ACT_OK);
            set_flush(0);
            assert_int_equal(act_apply((act_kind)kind, &p, probe_in, probe0, 3), ACT_OK);
            print_message("    %-13s %-6s %a -> %a, %a -> %a, %a -> %a\n", kn, in_,
                          (double)probe0[0], (double)probe[0], (double)probe0[1],
                          (double)probe[1], (double)probe0[2], (double)probe[2]);
            /* exact kinds: bit for bit; the others: within their stated bound of the
             * result without FTZ/DAZ (an intermediate that is denormal, such as the low
             * part of a compensated product, is flushed) */
            const unsigned bound = act_test_exact((act_kind)kind)
                                       ? 0
                                       : act_test_ulp_bound((act_kind)kind,
                                                            act_kernel_isa((act_kind)kind));
            size_t changed = 0, beyond = 0;
            for (size_t i = 0; i < nx; i++) {
                const float x = xs[i];
                if (!isnan(x) && isnan(ftz[i]) && !isnan(base[i]))
                    fail_msg("%s/%s with FTZ/DAZ: f(%a = 0x%08x) = NaN (without: %a)", kn, in_,
                             (double)x, f_bits(x), (double)base[i]);
                if (is_normal_or_zero(x) && isnormal(base[i]) &&
                    f_bits(base[i]) != f_bits(ftz[i])) {
                    const uint32_t d = ulp_dist(base[i], ftz[i]);
                    if (d > bound) beyond++;
                    if (changed++ < 3 || d > bound)
                        print_message("      %s/%s: f(%a) = %a with FTZ/DAZ, %a without (%u ULP)\n",
                                      kn, in_, (double)x, (double)ftz[i], (double)base[i], d);
                }
            }
            if (changed)
                print_message("      %s/%s: %zu normal results differ under FTZ/DAZ, %zu by more "
                              "than %u ULP\n", kn, in_, changed, beyond, bound);
            if (beyond) {
                print_message("    FAIL %s/%s: %zu normal results moved more than %u ULP under "
                              "FTZ/DAZ\n", kn, in_, beyond, bound);
                failures++;
            }
        }
    }
    set_flush(0);
    free(base);
    free(ftz);
    if (failures) fail_msg("%d kind/ISA pairs change normal results under FTZ/DAZ", failures);
}
#endif

int main(void) {
    build_inputs();
#if HAVE_FPCTRL
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_env_unchanged, save_env, restore_env),
        cmocka_unit_test_setup_teardown(test_flush_denormals, save_env, restore_env),
    };
    return cmocka_run_group_tests_name("fpenv", tests, NULL, NULL);
#else
    print_message("fpenv: no FP control register access for this architecture; skipped\n");
    return 0;
#endif
}
