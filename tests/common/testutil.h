/* Helpers shared by the cmocka suites. */
#ifndef ACT_TESTUTIL_H
#define ACT_TESTUTIL_H

#include <stddef.h>
#include <stdint.h>

#include "act/act.h"

/* A buffer of n floats whose last element ends right at a PROT_NONE page. */
typedef struct guarded {
    void *map;
    size_t map_len;
    float *p; /* p[0..n-1] usable, p[n] faults */
} guarded;
void guarded_alloc(guarded *g, size_t n);
void guarded_free(guarded *g);

float f_from_bits(uint32_t u);
uint32_t f_bits(float f);

/* The ISAs of this architecture, in order, for looping. */
extern const act_isa test_isas[];
extern const size_t test_isa_count;

/* "ISAs run: ...; skipped: ..." with the reason for each skip, for a suite's summary. */
void test_print_isa_summary(void);

/* ACT_TEST_SCALE (default 1) shrinks sweeps under emulation: 0.1 = 10x fewer points. */
double test_scale(void);

#endif
