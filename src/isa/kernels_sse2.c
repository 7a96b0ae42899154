/* The sse2 piecewise kernels and the sse2 dispatch row: the shared bodies over
 * vec_sse2.h, built with this ISA's flags (as trans_sse2.c). */
#include "vec_sse2.h"
#include "../kernels/piecewise.h"
