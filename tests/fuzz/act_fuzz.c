/*
 * Differential fuzzer for act_apply() (libFuzzer; see docs/reliability.md).
 *
 * The input bytes choose one call: the kind (invalid values included), the
 * parameters (valid and invalid, NaN and inf included; params NULL or not; odd
 * `size` values with zero or non-zero trailing bytes), PReLU's slopes, channels
 * and inner, n, the buffers' alignment, the layout (separate buffers, in place,
 * in and out shifted against each other in one buffer, NULL pointers, huge n)
 * and the values. The call is made once per ISA this CPU runs, each forced with
 * act_set_max_isa(), on fresh buffers of exactly n floats (so AddressSanitizer
 * sees any access outside them; the bytes before a misaligned buffer are
 * poisoned too). Checked, for every ISA:
 *  - the status is in the set the documentation allows for this call (an
 *    oracle written from act.h / docs/api.md, independent of src/act.c) and
 *    equals the scalar path's;
 *  - on error nothing in the buffers changed; `in` never changes out of place;
 *  - on success each element is within bound(isa) + bound(scalar) ULP of the
 *    scalar result (tests/common/bounds.h: both have their own error against
 *    the exact value), bit for bit for the exact kinds, and NaN exactly where
 *    the scalar result is NaN.
 * act_params_default() is exercised on the same kind and size.
 *
 * Build: a clang build with -DACT_SANITIZE=address,undefined,fuzzer-no-link
 * -DACT_BUILD_FUZZ=ON (target act_fuzz links the library's objects, so the
 * library is instrumented for coverage and sanitized). Run:
 *   act_fuzz -max_total_time=60 tests/fuzz/corpus
 */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "act/act.h"
#include "bounds.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#include <sanitizer/asan_interface.h>
#define FZ_POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define FZ_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#endif
#endif
#ifndef FZ_POISON
#define FZ_POISON(p, n) ((void)(p), (void)(n))
#define FZ_UNPOISON(p, n) ((void)(p), (void)(n))
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ---- reading the input ------------------------------------------------------ */

/* The input's bytes, then a PRNG seeded from them once they run out. */
typedef struct src {
    const uint8_t *p;
    size_t n;
    uint64_t rng;
} src;

static uint8_t u8(src *s) {
    if (s->n) {
        s->n--;
        return *s->p++;
    }
    s->rng = s->rng * 6364136223846793005ull + 1442695040888963407ull;
    return (uint8_t)(s->rng >> 56);
}
static uint32_t u32(src *s) {
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) v |= (uint32_t)u8(s) << (8 * i);
    return v;
}

static float fbits(uint32_t u) {
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}
static uint32_t bitsf(float f) {
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    return u;
}

static const uint32_t specials[] = {
    0x00000000, 0x80000000, 0x3f800000, 0xbf800000, /* ±0, ±1 */
    0x3f000000, 0xbf000000, 0x40400000, 0xc0400000, /* ±0.5, ±3 */
    0x40c00000, 0xc0c00000, 0x00800000, 0x80800000, /* ±6, ±FLT_MIN */
    0x00000001, 0x80000001, 0x007fffff, 0x807fffff, /* denormals */
    0x7f7fffff, 0xff7fffff, 0x7f800000, 0xff800000, /* ±FLT_MAX, ±inf */
    0x7fc00000, 0xffc00000, 0x7f800001, 0x7fa00001, /* NaNs: quiet, negative, signalling, payload */
    0x3c23d70a, 0xbfc00000, 0x4b800000, 0x4c000000, /* 0.01, -1.5, 2^24, 2^25 */
    0x4c800000, 0xc2aeac50, 0xc2cff1b5, 0x42b17218, /* 2^26, -87.34, -103.97, 88.72 */
    0xc2b17218, 0x1e3ce508, 0x41a00000, 0xc1a00000, /* -88.72, 1e-20, ±20 */
    0x41200000, 0xc1200000, 0x7149f2ca, 0xf149f2ca, /* ±10, ±1e30 */
};
#define NSPECIAL (sizeof specials / sizeof specials[0])

/* A float: a special value, any bit pattern, or a value in a modest range. */
static float pick(src *s) {
    const uint8_t c = u8(s);
    if (c < 64) return fbits(specials[c % NSPECIAL]);
    if (c < 176) return fbits(u32(s));
    const uint8_t lo = u8(s), hi = u8(s);
    const int16_t v = (int16_t)(uint16_t)(lo | hi << 8);
    return (float)v / ((c & 3) ? 256.0f : 4096.0f); /* [-128, 128) or [-8, 8) */
}

/* ---- one call, as the input describes it -------------------------------------- */

enum layout { L_SEPARATE, L_INPLACE, L_SHIFTED, L_NULL_IN, L_NULL_OUT, L_NULL_BOTH, L_HUGE };

typedef struct spec {
    act_kind kind;
    int has_params;
    size_t psize;      /* params->size */
    size_t pbytes;     /* bytes allocated for the params block (exactly) */
    size_t tail_nz;    /* index of a non-zero byte past sizeof(act_params), or 0 */
    float alpha, beta;
    int slopes_null;
    size_t channels, inner;
    float slopes[64];
    enum layout layout;
    size_t n;          /* elements passed to act_apply */
    size_t nalloc;     /* elements in the buffers (n, or 1 for L_HUGE) */
    size_t in_off, out_off; /* floats before the buffer start, poisoned */
    long shift;        /* L_SHIFTED: in = base + max(shift,0), out = base + max(-shift,0) */
    float *x;          /* nalloc input values */
} spec;

static const int bad_kinds[] = {0, -1, ACT_KIND_COUNT + 1, ACT_KIND_COUNT + 2, 255, 1000,
                                INT32_MIN, INT32_MAX};
static const size_t small_sizes[] = {0, 1, 8, 16, 24, 32, sizeof(act_params) - 1,
                                     sizeof(act_params) - 4};
static const size_t huge_n[] = {SIZE_MAX, SIZE_MAX / sizeof(float) + 1, SIZE_MAX / sizeof(float),
                                SIZE_MAX / sizeof(float) - (1u << 20)};

static void parse(src *s, spec *sp) {
    memset(sp, 0, sizeof *sp);
    const uint8_t k = u8(s);
    sp->kind = k < 0xf0 ? (act_kind)(1 + k % ACT_KIND_COUNT)
                        : (act_kind)bad_kinds[k % (sizeof bad_kinds / sizeof bad_kinds[0])];
    const uint8_t f = u8(s);
    sp->has_params = (f & 3) != 0;
    sp->psize = sizeof(act_params);
    switch ((f >> 2) & 7) {
    case 4: sp->psize = sizeof(act_params) + 1 + u8(s) % 64; break; /* newer caller, zero tail */
    case 5:
        sp->psize = sizeof(act_params) + 1 + u8(s) % 64;
        sp->tail_nz = sizeof(act_params) + u8(s) % (sp->psize - sizeof(act_params));
        break;
    case 6: sp->psize = small_sizes[u8(s) % (sizeof small_sizes / sizeof small_sizes[0])]; break;
    default: break;
    }
    /* the block is exactly psize bytes, but always holds the size member */
    sp->pbytes = sp->psize < sizeof(size_t) ? sizeof(size_t) : sp->psize;
    const uint8_t lay = (f >> 5) & 7;
    sp->layout = lay < 4 ? L_SEPARATE : lay < 6 ? L_INPLACE : lay == 6 ? L_SHIFTED : L_HUGE;

    /* parameters: usually the kind's defaults nudged, sometimes anything */
    act_params d;
    if (act_params_default(sp->kind, &d, sizeof d) != ACT_OK) act_params_default(ACT_ELU, &d, sizeof d);
    const uint8_t pm = u8(s);
    sp->alpha = (pm & 3) == 0 ? d.alpha : pick(s);
    sp->beta = (pm & 12) == 0 ? d.beta : pick(s);
    if ((pm & 0x30) == 0x30 && sp->kind == ACT_HARDTANH && sp->alpha > sp->beta) {
        const float t = sp->alpha; /* make a valid clip more likely */
        sp->alpha = sp->beta;
        sp->beta = t;
    }
    sp->slopes_null = (pm & 0xc0) == 0xc0;
    const uint8_t ch = u8(s);
    sp->channels = ch % 24; /* 0 is invalid */
    if (ch >= 240) sp->channels = 64;
    const uint8_t in = u8(s);
    sp->inner = in < 200 ? in % 40 : in < 250 ? (size_t)1 << (in - 200) % 40 : SIZE_MAX;
    for (size_t c = 0; c < sp->channels; c++) {
        const uint8_t m = u8(s);
        sp->slopes[c] = m < 240 ? (float)(int8_t)m / 64.0f : pick(s);
    }

    /* length, alignment, layout */
    const uint8_t nb = u8(s);
    sp->n = nb < 224 ? nb : (size_t)(nb - 224) * 64 + u8(s);
    const uint8_t ob = u8(s);
    sp->in_off = ob & 15;
    sp->out_off = ob >> 4;
    if (sp->layout == L_SHIFTED) {
        const long span = 2 * (long)sp->n + 5;
        const uint8_t lo = u8(s), hi = u8(s);
        sp->shift = (long)(lo | hi << 8) % span - ((long)sp->n + 2);
        if (sp->shift == 0) sp->shift = (long)sp->n; /* touching */
    }
    if (sp->layout == L_HUGE) {
        const uint8_t h = u8(s);
        switch (h % 4) {
        case 0: sp->layout = L_NULL_IN; break;
        case 1: sp->layout = L_NULL_OUT; break;
        case 2: sp->layout = L_NULL_BOTH; break;
        default: sp->n = huge_n[(h >> 2) % 4]; break;
        }
    }
    sp->nalloc = sp->layout == L_HUGE ? 1 : sp->n;
    sp->x = malloc((sp->nalloc ? sp->nalloc : 1) * sizeof(float));
    for (size_t i = 0; i < sp->nalloc; i++) sp->x[i] = pick(s);
}

/* ---- the oracle: which statuses the documentation allows ------------------------- */

#define BIT(st) (1u << (unsigned)-(st))

static int fin(float x) { return isfinite(x); }

/* Bit set of the errors that apply (bit k for status -k); 0 means ACT_OK is required. */
static unsigned allowed_errors(const spec *sp, const float *in, const float *out) {
    unsigned e = 0;
    const act_kind k = sp->kind;
    if ((unsigned)k - 1u >= ACT_KIND_COUNT) return BIT(ACT_ERR_KIND); /* checked first */
    if (sp->has_params) {
        if (sp->psize < sizeof(act_params) || sp->tail_nz) return BIT(ACT_ERR_SIZE);
        const float a = sp->alpha, b = sp->beta;
        switch (k) {
        case ACT_LEAKY_RELU:
        case ACT_ELU:
        case ACT_SWISH:
            if (!fin(a)) e |= BIT(ACT_ERR_PARAM);
            break;
        case ACT_BOUNDED_RELU:
            if (!fin(a) || a < 0) e |= BIT(ACT_ERR_PARAM);
            break;
        case ACT_HARDTANH:
            if (!fin(a) || !fin(b) || !(a <= b)) e |= BIT(ACT_ERR_PARAM);
            break;
        case ACT_CELU:
            if (!fin(a) || a == 0) e |= BIT(ACT_ERR_PARAM);
            break;
        case ACT_SOFTPLUS:
            if (!fin(a) || !(a > 0)) e |= BIT(ACT_ERR_PARAM);
            break;
        case ACT_PRELU:
            if (sp->slopes_null) e |= BIT(ACT_ERR_NULL);
            if (sp->channels < 1 || sp->inner < 1) e |= BIT(ACT_ERR_PARAM);
            if (!sp->slopes_null)
                for (size_t c = 0; c < sp->channels; c++)
                    if (!fin(sp->slopes[c])) e |= BIT(ACT_ERR_PARAM);
            break;
        default: break;
        }
    } else if (k == ACT_PRELU) {
        e |= BIT(ACT_ERR_NULL);
    }
    if (e) return e; /* parameters are checked before the pointers */
    if (sp->n == 0) return 0;
    if (!in || !out) return BIT(ACT_ERR_NULL);
    if (sp->n > SIZE_MAX / sizeof(float)) return BIT(ACT_ERR_LENGTH);
    const uintptr_t bytes = (uintptr_t)sp->n * sizeof(float);
    if ((uintptr_t)in > UINTPTR_MAX - bytes || (uintptr_t)out > UINTPTR_MAX - bytes)
        return BIT(ACT_ERR_LENGTH);
    if (in != out && (const float *)in < out + sp->n && out < in + sp->n)
        return BIT(ACT_ERR_OVERLAP);
    return 0;
}

/* ---- one run on one ISA ----------------------------------------------------------- */

static const char *isa_str(act_isa i) { return act_isa_name(i) ? act_isa_name(i) : "?"; }

static void describe(const spec *sp, act_isa isa) {
    fprintf(stderr,
            "act_fuzz: kind=%d (%s) isa=%s params=%s size=%zu tail_nz=%zu alpha=%a (0x%08x) "
            "beta=%a (0x%08x) slopes=%s channels=%zu inner=%zu layout=%d n=%zu in_off=%zu "
            "out_off=%zu shift=%ld\n",
            (int)sp->kind, act_kind_name(sp->kind) ? act_kind_name(sp->kind) : "invalid",
            isa_str(isa), sp->has_params ? "yes" : "NULL", sp->psize, sp->tail_nz,
            (double)sp->alpha, bitsf(sp->alpha), (double)sp->beta, bitsf(sp->beta),
            sp->slopes_null ? "NULL" : "set", sp->channels, sp->inner, (int)sp->layout, sp->n,
            sp->in_off, sp->out_off, sp->shift);
}

#define FAIL(sp, isa, ...)                                                                         \
    do {                                                                                           \
        describe(sp, isa);                                                                         \
        fprintf(stderr, "act_fuzz: " __VA_ARGS__);                                                 \
        fputc('\n', stderr);                                                                       \
        abort();                                                                                   \
    } while (0)

/* nfl floats with off poisoned floats before them, 64-byte aligned base. */
static float *blk_alloc(size_t nfl, size_t off, void **base) {
    const size_t bytes = (off + nfl) * sizeof(float);
    if (posix_memalign(base, 64, bytes ? bytes : 1) != 0) abort();
    FZ_POISON(*base, off * sizeof(float));
    return (float *)*base + off;
}
static void blk_free(void *base, size_t off) {
    FZ_UNPOISON(base, off * sizeof(float));
    free(base);
}

static float sentinel(size_t i) { return fbits(0x7f1234u ^ (uint32_t)(i * 2654435761u)); }

/* Calls act_apply on isa as sp says; checks the status against the oracle and that
 * nothing changed that must not; copies the n results to res (on success). */
static int run(const spec *sp, act_isa isa, float *res) {
    act_params *p = NULL;
    float *slopes = NULL;
    if (sp->has_params) {
        p = calloc(1, sp->pbytes);
        act_params v;
        memset(&v, 0, sizeof v);
        v.size = sp->psize;
        v.alpha = sp->alpha;
        v.beta = sp->beta;
        v.channels = sp->channels;
        v.inner = sp->inner;
        if (!sp->slopes_null) {
            /* exactly `channels` floats: reading slopes[channels] is caught */
            slopes = malloc((sp->channels ? sp->channels : 1) * sizeof(float));
            memcpy(slopes, sp->slopes, sp->channels * sizeof(float));
            v.slopes = slopes;
        }
        memcpy(p, &v, sp->pbytes < sizeof v ? sp->pbytes : sizeof v);
        if (sp->tail_nz) ((unsigned char *)p)[sp->tail_nz] = 0x5a;
    }
    const size_t n = sp->n, na = sp->nalloc;
    void *b_in = NULL, *b_out = NULL;
    size_t off_in = sp->in_off, off_out = sp->out_off;
    float *in = NULL, *out = NULL, *whole = NULL;
    size_t whole_n = 0;
    switch (sp->layout) {
    case L_SEPARATE:
    case L_HUGE:
        in = blk_alloc(na, off_in, &b_in);
        out = blk_alloc(na, off_out, &b_out);
        memcpy(in, sp->x, na * sizeof(float));
        for (size_t i = 0; i < na; i++) out[i] = sentinel(i);
        break;
    case L_INPLACE:
        in = out = blk_alloc(na, off_in, &b_in);
        memcpy(in, sp->x, na * sizeof(float));
        break;
    case L_SHIFTED: {
        const size_t d = (size_t)(sp->shift < 0 ? -sp->shift : sp->shift);
        whole_n = n + d;
        whole = blk_alloc(whole_n, off_in, &b_in);
        for (size_t i = 0; i < whole_n; i++) whole[i] = sentinel(i);
        in = whole + (sp->shift > 0 ? d : 0);
        out = whole + (sp->shift < 0 ? d : 0);
        memcpy(in, sp->x, n * sizeof(float));
        break;
    }
    case L_NULL_IN:
        out = blk_alloc(na, off_out, &b_out);
        for (size_t i = 0; i < na; i++) out[i] = sentinel(i);
        break;
    case L_NULL_OUT:
        in = blk_alloc(na, off_in, &b_in);
        memcpy(in, sp->x, na * sizeof(float));
        break;
    case L_NULL_BOTH: break;
    }
    /* a copy of every buffer's bytes before the call */
    float *before_whole = NULL, *before_out = NULL;
    if (whole) {
        before_whole = malloc(whole_n * sizeof(float) + 1);
        memcpy(before_whole, whole, whole_n * sizeof(float));
    }
    if (out && !whole) {
        before_out = malloc(na * sizeof(float) + 1);
        memcpy(before_out, out, na * sizeof(float));
    }

    const unsigned allowed = allowed_errors(sp, in, out);
    const int st = act_apply(sp->kind, p, in, out, n);

    if (st > 0 || st < -31) FAIL(sp, isa, "status %d is not an act_status", st);
    if (allowed == 0 && st != ACT_OK)
        FAIL(sp, isa, "status %d (%s), want ACT_OK", st, act_strerror(st));
    if (allowed != 0 && (st == ACT_OK || !(allowed & BIT(st))))
        FAIL(sp, isa, "status %d (%s), want one of the errors in mask 0x%x", st, act_strerror(st),
             allowed);
    if (whole) {
        if (st != ACT_OK) {
            if (memcmp(whole, before_whole, whole_n * sizeof(float)) != 0)
                FAIL(sp, isa, "status %d but the buffer changed", st);
        } else {
            for (size_t i = 0; i < whole_n; i++) {
                const float *q = whole + i;
                if (q >= out && q < out + n) continue;
                if (bitsf(*q) != bitsf(before_whole[i]))
                    FAIL(sp, isa, "element %zu of the buffer outside out[] changed", i);
            }
        }
    } else {
        if (out && st != ACT_OK && memcmp(out, before_out, na * sizeof(float)) != 0)
            FAIL(sp, isa, "status %d but out[] changed", st);
        if (in && in != out && memcmp(in, sp->x, na * sizeof(float)) != 0)
            FAIL(sp, isa, "in[] changed (status %d)", st);
    }
    if (sp->has_params && memcmp(p, &(size_t){sp->psize}, sizeof(size_t)) != 0)
        FAIL(sp, isa, "params->size changed");
    if (slopes && memcmp(slopes, sp->slopes, sp->channels * sizeof(float)) != 0)
        FAIL(sp, isa, "slopes changed");
    if (st == ACT_OK && n && res) memcpy(res, out, n * sizeof(float));

    free(before_whole);
    free(before_out);
    if (b_in) blk_free(b_in, off_in);
    if (b_out) blk_free(b_out, off_out);
    free(slopes);
    free(p);
    return st;
}

/* ---- comparing an ISA's results with the scalar path's ------------------------------- */

static int64_t ordered(float f) {
    const uint32_t b = bitsf(f);
    return (b >> 31) ? -(int64_t)(b & 0x7fffffffu) : (int64_t)b; /* +0 and -0 both 0 */
}
static uint64_t ulp_dist(float a, float b) {
    const int64_t d = ordered(a) - ordered(b);
    return (uint64_t)(d < 0 ? -d : d);
}

/*
 * ACT_FUZZ_KEEP_GOING=1 (for long runs against kernels with known value bugs): a value
 * mismatch is printed, at most 3 per kind x ISA, and counted, and fuzzing goes on; the
 * counts are printed at exit. Status, untouched-buffer and sanitizer failures still stop.
 */
static int keep_going = -1;
static unsigned long mismatch_count[ACT_KIND_COUNT + 1][8];

static void print_mismatch_counts(void) {
    for (int k = 1; k <= ACT_KIND_COUNT; k++)
        for (int i = 1; i < 8; i++)
            if (mismatch_count[k][i])
                fprintf(stderr, "act_fuzz: mismatches %s/%s: %lu\n", act_kind_name((act_kind)k),
                        isa_str((act_isa)i), mismatch_count[k][i]);
}

static int keep_going_on(const spec *sp, act_isa isa) {
    if (keep_going < 0) {
        const char *e = getenv("ACT_FUZZ_KEEP_GOING");
        keep_going = e && *e && *e != '0';
        if (keep_going) atexit(print_mismatch_counts);
    }
    if (!keep_going) return 0;
    return mismatch_count[sp->kind][isa]++ >= 3 ? 2 : 1; /* 2: counted, not printed */
}

#define MISMATCH(sp, isa, ...)                                                                     \
    do {                                                                                           \
        const int kg_ = keep_going_on(sp, isa);                                                    \
        if (!kg_) FAIL(sp, isa, __VA_ARGS__);                                                      \
        if (kg_ == 1) {                                                                            \
            describe(sp, isa);                                                                     \
            fprintf(stderr, "act_fuzz: (going on) " __VA_ARGS__);                                  \
            fputc('\n', stderr);                                                                   \
        }                                                                                          \
        return;                                                                                    \
    } while (0)

static void compare(const spec *sp, act_isa isa, const float *want, const float *got,
                    unsigned bound) {
    const int exact = act_test_exact(sp->kind);
    for (size_t i = 0; i < sp->n; i++) {
        const float w = want[i], g = got[i];
        if (isnan(w) || isnan(g)) {
            if (isnan(w) != isnan(g))
                MISMATCH(sp, isa, "element %zu: f(%a = 0x%08x) = %a (0x%08x), scalar %a (0x%08x)",
                         i, (double)sp->x[i], bitsf(sp->x[i]), (double)g, bitsf(g), (double)w,
                         bitsf(w));
            continue;
        }
        if (exact ? bitsf(w) != bitsf(g) : ulp_dist(w, g) > bound)
            MISMATCH(sp, isa,
                     "element %zu: f(%a = 0x%08x) = %a (0x%08x), scalar %a (0x%08x): %llu ULP > %u",
                     i, (double)sp->x[i], bitsf(sp->x[i]), (double)g, bitsf(g), (double)w,
                     bitsf(w), (unsigned long long)ulp_dist(w, g), bound);
    }
}

/* act_params_default on an exactly-sized block: status, size, zeroed tail, valid. */
static void check_default(const spec *sp) {
    const size_t sz = sp->psize;
    unsigned char *b = malloc(sz < sizeof(act_params) ? sizeof(act_params) : sz);
    memset(b, 0xa5, sz < sizeof(act_params) ? sizeof(act_params) : sz);
    const int st = act_params_default(sp->kind, (act_params *)b, sz);
    const int valid_kind = (unsigned)sp->kind - 1u < ACT_KIND_COUNT;
    const int want = !valid_kind ? ACT_ERR_KIND : sz < sizeof(act_params) ? ACT_ERR_SIZE : ACT_OK;
    if (st != want) FAIL(sp, ACT_ISA_SCALAR, "act_params_default = %d, want %d", st, want);
    if (st == ACT_OK) {
        act_params q;
        memcpy(&q, b, sizeof q);
        if (q.size != sz) FAIL(sp, ACT_ISA_SCALAR, "act_params_default: size %zu", q.size);
        for (size_t i = sizeof(act_params); i < sz; i++)
            if (b[i]) FAIL(sp, ACT_ISA_SCALAR, "act_params_default left byte %zu set", i);
        if (sp->kind != ACT_PRELU && act_apply(sp->kind, (act_params *)b, NULL, NULL, 0) != ACT_OK)
            FAIL(sp, ACT_ISA_SCALAR, "the defaults are not valid");
    } else {
        for (size_t i = 0; i < sizeof(act_params); i++)
            if (b[i] != 0xa5) FAIL(sp, ACT_ISA_SCALAR, "act_params_default failed but wrote");
    }
    free(b);
}

static const act_isa all_isas[] = {ACT_ISA_SCALAR, ACT_ISA_SSE2, ACT_ISA_AVX2, ACT_ISA_AVX512,
                                   ACT_ISA_NEON};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    uint64_t seed = 0x9e3779b97f4a7c15ull ^ size;
    for (size_t i = 0; i < size; i++) seed = (seed ^ data[i]) * 0x100000001b3ull;
    src s = {data, size, seed};
    spec sp;
    parse(&s, &sp);

    const int have_res = sp.layout != L_HUGE && sp.n > 0;
    float *want = have_res ? malloc(sp.n * sizeof(float)) : NULL;
    float *got = have_res ? malloc(sp.n * sizeof(float)) : NULL;
    if (act_set_max_isa(ACT_ISA_SCALAR) != ACT_OK) abort();
    const int st0 = run(&sp, ACT_ISA_SCALAR, want);
    for (size_t k = 1; k < sizeof all_isas / sizeof all_isas[0]; k++) {
        const act_isa isa = all_isas[k];
        if (act_set_max_isa(isa) != ACT_OK) continue; /* not on this CPU */
        if (act_active_isa() != isa) FAIL(&sp, isa, "act_set_max_isa did not take");
        const int st = run(&sp, isa, got);
        if (st != st0) FAIL(&sp, isa, "status %d, scalar %d", st, st0);
        if (st == ACT_OK && have_res) {
            const unsigned bound = act_test_ulp_bound(sp.kind, act_kernel_isa(sp.kind)) +
                                   act_test_ulp_bound(sp.kind, ACT_ISA_SCALAR);
            compare(&sp, isa, want, got, bound);
        }
    }
    check_default(&sp);
    free(want);
    free(got);
    free(sp.x);
    return 0;
}
