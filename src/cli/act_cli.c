/*
 * act - the libact command.
 *   act info                     version, CPU, ISAs, and which ISA serves each kind
 *   act bench [KIND...] [-n N[,N...]] [--isa ISA] [--reps R]
 *                                single-thread Gelem/s per kind, and the ratio to
 *                                memcpy of the same bytes measured in the same run
 *   act eval KIND [--alpha A] [--beta B] [--isa ISA] X...
 *                                f(x) for each x, with full precision
 * Uses only the public API.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "act/act.h"

static int usage(void) {
    fputs("usage: act info\n"
          "       act bench [KIND...] [-n N[,N...]] [--isa ISA] [--reps R] [--range LO,HI]\n"
          "       act eval KIND [--alpha A] [--beta B] [--isa ISA] X...\n",
          stderr);
    return 2;
}

static int set_isa(const char *name) {
    const act_isa isa = act_isa_from_name(name);
    const int st = act_set_max_isa(isa);
    if (st != ACT_OK) fprintf(stderr, "act: --isa %s: %s\n", name, act_strerror(st));
    return st;
}

/* ---- info ---- */

static void cpu_model(char *buf, size_t len) {
    snprintf(buf, len, "unknown");
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (!f) return;
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "model name", 10) == 0 || strncmp(line, "CPU part", 8) == 0) {
            const char *v = strchr(line, ':');
            if (v) {
                v += 1 + (v[1] == ' ');
                snprintf(buf, len, "%.*s", (int)strcspn(v, "\n"), v);
                break;
            }
        }
    }
    fclose(f);
}

/* The kernel's own feature words from /proc/cpuinfo, for the reader to compare
 * with the library's detection (which uses CPUID + XGETBV itself). */
static void cpu_flags(char *buf, size_t len) {
    static const char *const interesting[] = {
        "sse2", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512dq", "avx512vl", "asimd", NULL};
    buf[0] = 0;
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (!f) return;
    static char line[65536];
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "flags", 5) != 0 && strncmp(line, "Features", 8) != 0) continue;
        for (int i = 0; interesting[i]; i++) {
            char pat[32];
            snprintf(pat, sizeof pat, " %s", interesting[i]);
            const char *p = strstr(line, pat);
            const size_t k = strlen(pat);
            if (p && (p[k] == ' ' || p[k] == '\n' || p[k] == 0)) {
                strncat(buf, interesting[i], len - strlen(buf) - 1);
                strncat(buf, " ", len - strlen(buf) - 1);
            }
        }
        break;
    }
    fclose(f);
}

static int cmd_info(void) {
    char model[256], flags[256];
    cpu_model(model, sizeof model);
    cpu_flags(flags, sizeof flags);
    printf("libact %s (version %u, ABI 1)\n", act_version_string(), act_version());
    printf("cpu:          %s\n", model);
    printf("cpu flags:    %s\n", flags[0] ? flags : "(none of interest reported)");
    printf("ISAs:        ");
    for (int i = 1; i <= 5; i++)
        printf(" %s=%s", act_isa_name((act_isa)i), act_isa_available((act_isa)i) ? "yes" : "no");
    const char *env = getenv("ACT_MAX_ISA");
    printf("\nACT_MAX_ISA:  %s\n", env ? env : "(unset)");
    printf("active ISA:   %s\n", act_isa_name(act_active_isa()));
    printf("kernels (kind: ISA of the kernel that serves it):\n");
    for (int k = 1; k <= ACT_KIND_COUNT; k++)
        printf("  %-13s %s\n", act_kind_name((act_kind)k),
               act_isa_name(act_kernel_isa((act_kind)k)));
    return 0;
}

/* ---- bench ---- */

static double now_s(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int cmp_double(const void *a, const void *b) {
    const double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

typedef struct bench_job {
    act_kind kind; /* 0: memcpy */
    const act_params *p;
    const float *in;
    float *out;
    size_t n;
} bench_job;

static volatile int bench_sink;

static void run_once(const bench_job *j) {
    if (j->kind)
        bench_sink += act_apply(j->kind, j->p, j->in, j->out, j->n);
    else
        memcpy(j->out, j->in, j->n * sizeof(float));
}

/* seconds per call of a and b: median over reps, a and b interleaved so that
 * both see the same machine state */
static void time_pair(const bench_job *a, const bench_job *b, int reps, double *ta, double *tb) {
    long iters = 1;
    for (;;) { /* iterations for >= 2 ms per rep */
        const double t0 = now_s();
        for (long i = 0; i < iters; i++) run_once(a);
        if (now_s() - t0 > 2e-3 || iters > (1L << 30)) break;
        iters *= 2;
    }
    double *sa = malloc((size_t)reps * sizeof *sa), *sb = malloc((size_t)reps * sizeof *sb);
    for (int r = 0; r < reps; r++) {
        double t0 = now_s();
        for (long i = 0; i < iters; i++) run_once(a);
        sa[r] = (now_s() - t0) / (double)iters;
        t0 = now_s();
        for (long i = 0; i < iters; i++) run_once(b);
        sb[r] = (now_s() - t0) / (double)iters;
    }
    qsort(sa, (size_t)reps, sizeof *sa, cmp_double);
    qsort(sb, (size_t)reps, sizeof *sb, cmp_double);
    *ta = sa[reps / 2];
    *tb = sb[reps / 2];
    free(sa);
    free(sb);
}

static int parse_sizes(const char *s, size_t *sizes, int max) {
    int k = 0;
    while (*s && k < max) {
        char *end;
        errno = 0;
        const unsigned long long v = strtoull(s, &end, 10);
        if (errno || end == s || v == 0) return -1;
        sizes[k++] = (size_t)v;
        s = *end == ',' ? end + 1 : end;
        if (*end && *end != ',') return -1;
    }
    return k;
}

/* "LO,HI": two finite floats, LO <= HI */
static int parse_range(const char *s, float *lo, float *hi) {
    char *end; /* strtof's ERANGE is no error here: denormal bounds are the point */
    *lo = strtof(s, &end);
    if (end == s || *end != ',') return -1;
    const char *t = end + 1;
    *hi = strtof(t, &end);
    if (end == t || *end) return -1;
    return isfinite(*lo) && isfinite(*hi) && *lo <= *hi ? 0 : -1;
}

static int cmd_bench(int argc, char **argv) {
    act_kind kinds[ACT_KIND_COUNT];
    int nk = 0, reps = 11, ns = 3;
    float lo = -8.0f, hi = 8.0f;
    size_t sizes[16] = {1024, 16384, 4194304};
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "-n") && i + 1 < argc) {
            ns = parse_sizes(argv[++i], sizes, 16);
            if (ns <= 0) return usage();
        } else if (!strcmp(argv[i], "--isa") && i + 1 < argc) {
            if (set_isa(argv[++i])) return 1;
        } else if (!strcmp(argv[i], "--reps") && i + 1 < argc) {
            char *end;
            const long r = strtol(argv[++i], &end, 10);
            if (end == argv[i] || *end || r < 1 || r > INT_MAX) return usage();
            reps = (int)r;
        } else if (!strcmp(argv[i], "--range") && i + 1 < argc) {
            /* e.g. --range -1e-38,1e-38: denormal inputs, which some kinds meet slowly */
            if (parse_range(argv[++i], &lo, &hi)) return usage();
        } else if (act_kind_from_name(argv[i]) && nk < ACT_KIND_COUNT) {
            kinds[nk++] = act_kind_from_name(argv[i]);
        } else {
            fprintf(stderr, "act bench: unknown argument '%s'\n", argv[i]);
            return usage();
        }
    }
    if (!nk)
        for (int k = 1; k <= ACT_KIND_COUNT; k++) kinds[nk++] = (act_kind)k;
    size_t maxn = 0;
    for (int s = 0; s < ns; s++) maxn = sizes[s] > maxn ? sizes[s] : maxn;
    float *in = aligned_alloc(64, (maxn * sizeof(float) + 63) / 64 * 64);
    float *out = aligned_alloc(64, (maxn * sizeof(float) + 63) / 64 * 64);
    if (!in || !out) {
        fprintf(stderr, "act bench: out of memory\n");
        return 1;
    }
    uint32_t seed = 12345;
    for (size_t i = 0; i < maxn; i++) { /* fixed pseudo-random input in [lo, hi] */
        seed = seed * 1664525u + 1013904223u;
        in[i] = (float)((double)lo + (double)(seed >> 8) / 16777216.0 * ((double)hi - (double)lo));
        out[i] = 0;
    }
    static float slopes[64];
    for (int c = 0; c < 64; c++) slopes[c] = 0.01f * (float)(c + 1);
    printf("single thread, active ISA %s, median of %d, input uniform in [%g, %g]\n",
           act_isa_name(act_active_isa()), reps, (double)lo, (double)hi);
    printf("%-13s %-7s %10s %10s %10s %9s\n", "kind", "isa", "n", "Gelem/s", "memcpy", "x memcpy");
    for (int s = 0; s < ns; s++) {
        for (int k = 0; k < nk; k++) {
            act_params p;
            act_params_default(kinds[k], &p, sizeof p);
            p.slopes = slopes; /* PReLU: 64 channels, channels-last (NHWC: inner 1) */
            p.channels = 64;
            p.inner = 1;
            const bench_job jk = {kinds[k], &p, in, out, sizes[s]};
            const bench_job jm = {(act_kind)0, NULL, in, out, sizes[s]};
            double tk, tm;
            time_pair(&jk, &jm, reps, &tk, &tm);
            printf("%-13s %-7s %10zu %10.2f %10.2f %9.2f\n", act_kind_name(kinds[k]),
                   act_isa_name(act_kernel_isa(kinds[k])), sizes[s], (double)sizes[s] / tk * 1e-9,
                   (double)sizes[s] / tm * 1e-9, tm / tk);
            fflush(stdout);
        }
    }
    free(in);
    free(out);
    return 0;
}

/* ---- eval ---- */

static int parse_float(const char *s, float *v) {
    char *end;
    errno = 0;
    *v = strtof(s, &end);
    return end != s && *end == 0 ? 0 : -1;
}

static int cmd_eval(int argc, char **argv) {
    if (argc < 1) return usage();
    const act_kind kind = act_kind_from_name(argv[0]);
    if (!kind) {
        fprintf(stderr, "act eval: unknown kind '%s'\n", argv[0]);
        return 2;
    }
    act_params p;
    act_params_default(kind, &p, sizeof p);
    float slope = 0;
    float xs[256];
    int nx = 0;
    for (int i = 1; i < argc; i++) {
        if ((!strcmp(argv[i], "--alpha") || !strcmp(argv[i], "--beta")) && i + 1 < argc) {
            float *dst = argv[i][2] == 'a' ? &p.alpha : &p.beta;
            if (parse_float(argv[++i], dst)) return usage();
        } else if (!strcmp(argv[i], "--isa") && i + 1 < argc) {
            if (set_isa(argv[++i])) return 1;
        } else if (nx < 256 && parse_float(argv[i], &xs[nx]) == 0) {
            nx++;
        } else {
            fprintf(stderr, "act eval: bad argument '%s'\n", argv[i]);
            return usage();
        }
    }
    if (kind == ACT_PRELU) { /* one channel whose slope is --alpha */
        slope = p.alpha;
        p.slopes = &slope;
    }
    float ys[256];
    const int st = act_apply(kind, &p, xs, ys, (size_t)nx);
    if (st != ACT_OK) {
        fprintf(stderr, "act eval: %s (%d)\n", act_strerror(st), st);
        return 1;
    }
    for (int i = 0; i < nx; i++)
        printf("%s(%.9g) = %.9g  [%a]  (%s)\n", act_kind_name(kind), (double)xs[i], (double)ys[i],
               (double)ys[i], act_isa_name(act_kernel_isa(kind)));
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) return usage();
    if (!strcmp(argv[1], "info")) return cmd_info();
    if (!strcmp(argv[1], "bench")) return cmd_bench(argc - 2, argv + 2);
    if (!strcmp(argv[1], "eval")) return cmd_eval(argc - 2, argv + 2);
    return usage();
}
