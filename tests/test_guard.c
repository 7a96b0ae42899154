/*
 * Guard-page sweep: every kind on every ISA the host runs, n = 0..130, 16
 * start offsets, with a PROT_NONE page directly before and directly after the
 * data page of `in` and of `out`, out of place and in place. A kernel that
 * reads or writes one float outside [p, p + n) where the guard is adjacent
 * faults (the SIGSEGV handler names the call); writes into the slack of the
 * data page are caught by a canary check.
 *
 * A page boundary is 4096-aligned, so a buffer can touch a guard at only one
 * end unless 4n is a page multiple. Each (n, off) therefore runs two
 * placements:
 *   before: p = data_start + off   (guard `off` floats before p; p[-1] faults for off 0)
 *   after:  p = data_end - n - off (guard `off` floats after p + n; p[n] faults for off 0)
 * so every n is run with the guard exactly at p[-1] and exactly at p[n], and
 * the start misalignment covers all 16 float positions of a 64-byte line
 * (for "after", the misalignment also moves with n). out uses the offset
 * (5 * off) % 16, so in and out are misaligned differently.
 *
 * Every result is compared bit for bit (any NaN matching any NaN) with the
 * same ISA's result on an ordinary heap buffer of the same inputs: an element's result must not
 * depend on where it sits in the vector loop (main body, single vector or
 * masked tail). PReLU's channel depends on the index within the call, so its
 * reference is taken per start position; for every other kind the references
 * of all starts must also agree with each other.
 *
 * ACT_TEST_SCALE < 1 (qemu) runs fewer offsets (at least 0 and 15); n is
 * always 0..130.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "testutil.h"

#define NMAX 130
#define NOFF 16
#define NX (NMAX + NOFF + NOFF)

/* ---- the two guarded areas: [PROT_NONE][data page][PROT_NONE] ------------------- */

typedef struct area {
    char *map;
    size_t page;
    float *lo, *hi; /* the data page: [lo, hi) */
} area;

static area a_in, a_out;
static float *canary; /* one page of canary floats */
static size_t page_floats;

static void area_init(area *a) {
    a->page = (size_t)sysconf(_SC_PAGESIZE);
    a->map = mmap(NULL, 3 * a->page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (a->map == MAP_FAILED) {
        perror("mmap");
        abort();
    }
    if (mprotect(a->map, a->page, PROT_NONE) != 0 ||
        mprotect(a->map + 2 * a->page, a->page, PROT_NONE) != 0) {
        perror("mprotect");
        abort();
    }
    a->lo = (float *)(a->map + a->page);
    a->hi = (float *)(a->map + 2 * a->page);
}

/* ---- what is running now, for the SIGSEGV handler ---------------------------------- */

static char current[160];

static void (*prev_segv)(int), (*prev_bus)(int);

/* Names the call, then hands over to cmocka's handler (which fails this case and
 * goes on with the next), or dies if there is none. */
static void on_segv(int sig) {
    static const char msg[] = "test_guard: fault (guard page touched) in ";
    ssize_t r = write(2, msg, sizeof msg - 1);
    r = write(2, current, strnlen(current, sizeof current));
    r = write(2, "\n", 1);
    (void)r;
    void (*prev)(int) = sig == SIGSEGV ? prev_segv : prev_bus;
    if (prev != SIG_DFL && prev != SIG_IGN && prev != SIG_ERR && prev != on_segv) {
        signal(sig, prev);
        prev(sig);
        return;
    }
    signal(sig, SIG_DFL);
    _exit(128 + sig);
}

/* ---- inputs and parameters ------------------------------------------------------------ */

static float xs[NX];

static void build_inputs(void) {
    static const uint32_t sp[] = {
        0x00000000, 0x80000000, 0x00000001, 0x807fffff, 0x00800000, 0x3f800000, 0xbf800000,
        0x7f7fffff, 0xff7fffff, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00001, 0x7f800001,
        0x40400000, 0xc0400000, 0x40c00000, 0xc0c00000, 0xc2b17218, 0x42b17218, 0x4c800000,
    };
    uint32_t r = 12345;
    for (size_t i = 0; i < NX; i++) {
        r = r * 1103515245u + 12345u;
        if (i % 3 == 0)
            xs[i] = f_from_bits(sp[(i / 3) % (sizeof sp / sizeof sp[0])]);
        else if (i % 3 == 1)
            xs[i] = (float)((int32_t)(r >> 8) % 40000) * 0.0005f; /* [-20, 20] */
        else
            xs[i] = f_from_bits(r ^ (r >> 13));
    }
}

static const float slopes[3] = {0.25f, -1.5f, 0.0f};

/* v 0: the kind with non-default parameters; v 1: PReLU with long channel runs. */
static act_params params_for(act_kind kind, int v) {
    act_params p;
    act_params_default(kind, &p, sizeof p);
    switch (kind) {
    case ACT_PRELU:
        p.slopes = slopes;
        p.channels = 3;
        p.inner = v ? 37 : 2; /* runs of 37 >= any vector; runs of 2 go lane by lane */
        break;
    case ACT_LEAKY_RELU: p.alpha = 0.2f; break;
    case ACT_BOUNDED_RELU: p.alpha = 2.5f; break;
    case ACT_HARDTANH:
        p.alpha = -0.5f;
        p.beta = 2.0f;
        break;
    case ACT_ELU: p.alpha = 0.5f; break;
    case ACT_CELU: p.alpha = -1.5f; break;
    case ACT_SOFTPLUS: p.alpha = 2.5f; break;
    case ACT_SWISH: p.alpha = 1.7f; break;
    default: break;
    }
    return p;
}

/* ---- the sweep ------------------------------------------------------------------------- */

static const size_t offs_all[NOFF] = {0, 15, 1, 7, 3, 12, 5, 10, 2, 9, 4, 14, 6, 11, 8, 13};

typedef struct gcase {
    act_kind kind;
    act_isa isa;
    char name[48];
} gcase;

/* Bit for bit, except that any NaN matches any NaN: a NaN's sign and payload come
 * from operand order, which the compiler may choose differently in the main loop
 * and in the tail (act.h promises NaN for NaN, not which NaN). */
static int same(float a, float b) { return f_bits(a) == f_bits(b) || (isnan(a) && isnan(b)); }

static void reset_area(area *a) { memcpy(a->lo, canary, page_floats * sizeof(float)); }

/* out[0..n) must be ref[0..n) bit for bit; both areas must be canary elsewhere
 * (in's area holds the inputs at in[0..n) unless in place). */
static void check_call(const char *what, const float *ref, const float *in, const float *out,
                       size_t n, int inplace, size_t s) {
    for (size_t i = 0; i < n; i++)
        if (!same(out[i], ref[i]))
            fail_msg("%s: element %zu: f(0x%08x) = 0x%08x, ordinary buffer gives 0x%08x", what, i,
                     f_bits(xs[s + i]), f_bits(out[i]), f_bits(ref[i]));
    for (const float *q = a_out.lo; q < a_out.hi; q++) {
        if (q >= out && q < out + n) continue;
        if (f_bits(*q) != f_bits(canary[q - a_out.lo]))
            fail_msg("%s: wrote out-area float %td (out starts at %td)", what, q - a_out.lo,
                     out - a_out.lo);
    }
    if (!inplace)
        for (const float *q = a_in.lo; q < a_in.hi; q++) {
            const int inside = q >= in && q < in + n;
            const float want = inside ? xs[s + (size_t)(q - in)] : canary[q - a_in.lo];
            if (f_bits(*q) != f_bits(want))
                fail_msg("%s: in-area float %td changed", what, q - a_in.lo);
        }
}

static void sweep(const gcase *c, int v, size_t noff) {
    const act_params p = params_for(c->kind, v);
    /* references: ordinary heap buffers, input xs + s, one call of NMAX + NOFF */
    static float ref[NOFF][NMAX + NOFF];
    float *hin = malloc(sizeof ref[0]), *hout = malloc(sizeof ref[0]);
    for (size_t s = 0; s < NOFF; s++) {
        memcpy(hin, xs + s, sizeof ref[0]);
        assert_int_equal(act_apply(c->kind, &p, hin, hout, NMAX + NOFF), ACT_OK);
        memcpy(ref[s], hout, sizeof ref[0]);
        if (c->kind != ACT_PRELU)
            for (size_t i = 0; i < NMAX; i++)
                if (!same(ref[s][i], ref[0][s + i]))
                    fail_msg("%s: f(0x%08x) = 0x%08x at index %zu but 0x%08x at index %zu",
                             c->name, f_bits(xs[s + i]), f_bits(ref[s][i]), i,
                             f_bits(ref[0][s + i]), s + i);
    }
    free(hin);
    free(hout);

    char what[160];
    for (size_t oi = 0; oi < noff; oi++) {
        const size_t off = offs_all[oi], off2 = (off * 5) % NOFF, s = off;
        for (size_t n = 0; n <= NMAX; n++) {
            for (int place = 0; place < 2; place++) {
                float *in = place ? a_in.hi - n - off : a_in.lo + off;
                float *out = place ? a_out.hi - n - off2 : a_out.lo + off2;
                float *io = place ? a_out.hi - n - off : a_out.lo + off;
                const char *pl = place ? "after" : "before";

                /* out of place */
                snprintf(what, sizeof what, "%s v%d n=%zu off=%zu/%zu guard %s, out of place",
                         c->name, v, n, off, off2, pl);
                memcpy(current, what, sizeof current);
                memcpy(in, xs + s, n * sizeof(float));
                assert_int_equal(act_apply(c->kind, &p, in, out, n), ACT_OK);
                check_call(what, ref[s], in, out, n, 0, s);
                memcpy(out, canary + (out - a_out.lo), n * sizeof(float));
                memcpy(in, canary + (in - a_in.lo), n * sizeof(float));

                /* in place */
                snprintf(what, sizeof what, "%s v%d n=%zu off=%zu guard %s, in place", c->name,
                         v, n, off, pl);
                memcpy(current, what, sizeof current);
                memcpy(io, xs + s, n * sizeof(float));
                assert_int_equal(act_apply(c->kind, &p, io, io, n), ACT_OK);
                check_call(what, ref[s], io, io, n, 1, s);
                memcpy(io, canary + (io - a_out.lo), n * sizeof(float));
            }
        }
    }
    snprintf(current, sizeof current, "%s (between calls)", c->name);
}

static size_t offsets_to_run(void) {
    const double sc = test_scale();
    size_t k = (size_t)(NOFF * sc + 0.999);
    return k < 2 ? 2 : k > NOFF ? NOFF : k;
}

static void test_guard(void **state) {
    const gcase *c = *state;
    if (act_set_max_isa(c->isa) != ACT_OK) {
        print_message("    %s: skipped, %s is not available on this CPU/build\n", c->name,
                      act_isa_name(c->isa));
        skip();
    }
    assert_int_equal(act_active_isa(), c->isa);
    /* cmocka installs its own handlers when the group starts: go in front of them */
    void (*p)(int) = signal(SIGSEGV, on_segv);
    if (p != on_segv) prev_segv = p;
    p = signal(SIGBUS, on_segv);
    if (p != on_segv) prev_bus = p;
    reset_area(&a_in);
    reset_area(&a_out);
    const size_t noff = offsets_to_run();
    for (int v = 0; v < (c->kind == ACT_PRELU ? 2 : 1); v++) sweep(c, v, noff);
}

int main(void) {
    build_inputs();
    area_init(&a_in);
    area_init(&a_out);
    page_floats = a_in.page / sizeof(float);
    if (page_floats < NMAX + 2 * NOFF) {
        fprintf(stderr, "page too small\n");
        return 1;
    }
    canary = malloc(a_in.page);
    for (size_t i = 0; i < page_floats; i++)
        canary[i] = f_from_bits(0x7f1234u ^ (uint32_t)(i * 2654435761u)); /* denormals */

    const size_t ncase = ACT_KIND_COUNT * test_isa_count;
    gcase *cases = calloc(ncase, sizeof *cases);
    struct CMUnitTest *tests = calloc(ncase, sizeof *tests);
    size_t t = 0;
    for (size_t k = 0; k < test_isa_count; k++)
        for (int kind = 1; kind <= ACT_KIND_COUNT; kind++, t++) {
            gcase *c = &cases[t];
            c->kind = (act_kind)kind;
            c->isa = test_isas[k];
            snprintf(c->name, sizeof c->name, "%s/%s", act_kind_name(c->kind),
                     act_isa_name(c->isa));
            tests[t] = (struct CMUnitTest){c->name, test_guard, NULL, NULL, c};
        }
    print_message("guard pages before and after in and out: n = 0..%d, %zu offsets (ACT_TEST_SCALE=%g)\n",
                  NMAX, offsets_to_run(), test_scale());
    const int failed = _cmocka_run_group_tests("guard", tests, t, NULL, NULL);
    test_print_isa_summary();
    return failed;
}
