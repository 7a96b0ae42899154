/* The avx2 piecewise kernels and the avx2 dispatch row: the shared bodies over
 * vec_avx2.h, built with this ISA's flags (as trans_avx2.c). */
#include "vec_avx2.h"
#include "../kernels/piecewise.h"
