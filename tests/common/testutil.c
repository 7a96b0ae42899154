#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

void guarded_alloc(guarded *g, size_t n) {
    const size_t page = (size_t)sysconf(_SC_PAGESIZE);
    const size_t data_pages = (n * sizeof(float) + page - 1) / page + 1;
    g->map_len = (data_pages + 1) * page;
    g->map = mmap(NULL, g->map_len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (g->map == MAP_FAILED) {
        perror("mmap");
        abort();
    }
    char *guard = (char *)g->map + data_pages * page;
    if (mprotect(guard, page, PROT_NONE) != 0) {
        perror("mprotect");
        abort();
    }
    g->p = (float *)(guard - n * sizeof(float)); /* p[n] is the first byte of the guard */
}

void guarded_free(guarded *g) { munmap(g->map, g->map_len); }

float f_from_bits(uint32_t u) {
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}
uint32_t f_bits(float f) {
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    return u;
}

#if defined(__x86_64__)
const act_isa test_isas[] = {ACT_ISA_SCALAR, ACT_ISA_SSE2, ACT_ISA_AVX2, ACT_ISA_AVX512};
#elif defined(__aarch64__)
const act_isa test_isas[] = {ACT_ISA_SCALAR, ACT_ISA_NEON};
#else
const act_isa test_isas[] = {ACT_ISA_SCALAR};
#endif
const size_t test_isa_count = sizeof test_isas / sizeof test_isas[0];

double test_scale(void) {
    const char *s = getenv("ACT_TEST_SCALE");
    const double v = s ? atof(s) : 1.0;
    return v > 0 && v <= 1 ? v : 1.0;
}

void test_print_isa_summary(void) {
    printf("ISAs run:");
    for (size_t k = 0; k < test_isa_count; k++)
        if (act_isa_available(test_isas[k])) printf(" %s", act_isa_name(test_isas[k]));
    printf("; skipped:");
    int skipped = 0;
    for (size_t k = 0; k < test_isa_count; k++)
        if (!act_isa_available(test_isas[k])) {
            printf(" %s (not available on this CPU or OS)", act_isa_name(test_isas[k]));
            skipped = 1;
        }
    printf("%s\n", skipped ? "" : " none");
}
