/*
 * CPU dispatch: the only file that knows which ISAs exist.
 *
 * At first use, the ISAs this CPU and OS can run are detected, one row of
 * kernels per available ISA is built (a kind an ISA has no kernel for falls
 * back to the next lower ISA), and a pointer to the chosen row is published
 * with one release store. act_set_max_isa() re-points it; calls already
 * running keep the row they loaded.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

extern const act_kernel_fn act_kernels__scalar[ACT_KIND_COUNT + 1];
#if defined(__x86_64__) || defined(_M_X64)
#define ACT_ARCH_X86 1
#include <cpuid.h>
extern const act_kernel_fn act_kernels__sse2[ACT_KIND_COUNT + 1];
extern const act_kernel_fn act_kernels__avx2[ACT_KIND_COUNT + 1];
extern const act_kernel_fn act_kernels__avx512[ACT_KIND_COUNT + 1];
#elif defined(__aarch64__)
#define ACT_ARCH_ARM64 1
extern const act_kernel_fn act_kernels__neon[ACT_KIND_COUNT + 1];
#endif

#define ACT_ISA_MAX_ 5

/* Kernel table of each ISA compiled into this build, NULL for the others. */
static const act_kernel_fn *isa_table(act_isa isa) {
    switch (isa) {
    case ACT_ISA_SCALAR: return act_kernels__scalar;
#ifdef ACT_ARCH_X86
    case ACT_ISA_SSE2: return act_kernels__sse2;
    case ACT_ISA_AVX2: return act_kernels__avx2;
    case ACT_ISA_AVX512: return act_kernels__avx512;
#endif
#ifdef ACT_ARCH_ARM64
    case ACT_ISA_NEON: return act_kernels__neon;
#endif
    default: return NULL;
    }
}

/* The ISA a kind falls back to when an ISA lacks its kernel; 0 below scalar. */
static act_isa isa_lower(act_isa isa) {
    switch (isa) {
    case ACT_ISA_AVX512: return ACT_ISA_AVX2;
    case ACT_ISA_AVX2: return ACT_ISA_SSE2;
    case ACT_ISA_SSE2:
    case ACT_ISA_NEON: return ACT_ISA_SCALAR;
    default: return (act_isa)0;
    }
}

#ifdef ACT_ARCH_X86
static unsigned long long xgetbv0(void) {
    unsigned lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    return ((unsigned long long)hi << 32) | lo;
}

/* Bit k of a CPUID register, as 0 or 1. */
static int bit(unsigned v, int k) { return (int)((v >> k) & 1u); }

/* CPUID says what the CPU has; XCR0 says what the OS saves on a context switch. */
static void detect_x86(int avail[ACT_ISA_MAX_ + 1]) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return;
    avail[ACT_ISA_SSE2] = bit(d, 26);
    const int osxsave = bit(c, 27), avx = bit(c, 28), fma = bit(c, 12);
    if (!osxsave || !avx) return;
    const unsigned long long xcr0 = xgetbv0();
    const int ymm_os = (xcr0 & 0x6) == 0x6;   /* SSE + AVX state */
    const int zmm_os = (xcr0 & 0xe6) == 0xe6; /* + opmask, ZMM0-15 high halves, ZMM16-31 */
    if (__get_cpuid_max(0, NULL) < 7) return;
    __cpuid_count(7, 0, a, b, c, d);
    const int avx2 = bit(b, 5);
    const int f = bit(b, 16), dq = bit(b, 17), bw = bit(b, 30), vl = bit(b, 31);
    avail[ACT_ISA_AVX2] = avail[ACT_ISA_SSE2] && ymm_os && avx2 && fma;
    avail[ACT_ISA_AVX512] = avail[ACT_ISA_AVX2] && zmm_os && f && dq && bw && vl;
}
#endif

static int available[ACT_ISA_MAX_ + 1];
static act_row rows[ACT_ISA_MAX_ + 1];
static act_isa best_isa;
static _Atomic(const act_row *) active;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void build_rows(void) {
    available[ACT_ISA_SCALAR] = 1;
#ifdef ACT_ARCH_X86
    detect_x86(available);
#endif
#ifdef ACT_ARCH_ARM64
    available[ACT_ISA_NEON] = 1;
#endif
    for (int isa = 1; isa <= ACT_ISA_MAX_; isa++) {
        if (!available[isa]) continue;
        best_isa = (act_isa)isa; /* ascending: the last available is the best */
        rows[isa].isa = (act_isa)isa;
        for (int k = 1; k <= ACT_KIND_COUNT; k++) {
            for (act_isa from = (act_isa)isa; from; from = isa_lower(from)) {
                const act_kernel_fn *t = isa_table(from);
                if (t && t[k]) {
                    rows[isa].fn[k] = t[k];
                    rows[isa].fn_isa[k] = from;
                    break;
                }
            }
        }
    }
}

/* Best available ISA at or below cap, walking the fallback chain. */
static act_isa capped(act_isa cap) {
    while (cap && !available[cap]) cap = isa_lower(cap);
    return cap ? cap : ACT_ISA_SCALAR;
}

static void resolve(void) {
    build_rows();
    act_isa isa = best_isa;
    /* ACT_MAX_ISA names a cap; a name this build does not have is ignored. */
    const char *env = getenv("ACT_MAX_ISA");
    const act_isa cap = act_isa_from_name(env);
    if (cap && isa_table(cap)) isa = capped(cap);
    atomic_store_explicit(&active, &rows[isa], memory_order_release);
}

const act_row *act_row_get(void) {
    const act_row *r = atomic_load_explicit(&active, memory_order_acquire);
    if (r) return r;
    pthread_once(&once, resolve);
    return atomic_load_explicit(&active, memory_order_acquire);
}

int act_isa_available(act_isa isa) {
    act_row_get();
    return (int)isa >= 1 && (int)isa <= ACT_ISA_MAX_ && available[isa];
}

act_isa act_active_isa(void) { return act_row_get()->isa; }

act_isa act_kernel_isa(act_kind kind) {
    if ((unsigned)kind - 1u >= ACT_KIND_COUNT) return (act_isa)0;
    return act_row_get()->fn_isa[kind];
}

int act_set_max_isa(act_isa isa) {
    if (!act_isa_available(isa)) return ACT_ERR_ISA;
    atomic_store_explicit(&active, &rows[isa], memory_order_release);
    return ACT_OK;
}

const char *act_isa_name(act_isa isa) {
    switch (isa) {
    case ACT_ISA_SCALAR: return "scalar";
    case ACT_ISA_SSE2: return "sse2";
    case ACT_ISA_AVX2: return "avx2";
    case ACT_ISA_AVX512: return "avx512";
    case ACT_ISA_NEON: return "neon";
    default: return NULL;
    }
}

act_isa act_isa_from_name(const char *name) {
    if (!name) return (act_isa)0;
    for (int isa = 1; isa <= ACT_ISA_MAX_; isa++)
        if (strcmp(name, act_isa_name((act_isa)isa)) == 0) return (act_isa)isa;
    return (act_isa)0;
}
