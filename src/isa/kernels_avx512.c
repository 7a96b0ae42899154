/* The avx512 piecewise kernels and the avx512 dispatch row: the shared bodies over
 * vec_avx512.h, built with this ISA's flags (as trans_avx512.c). */
#include "vec_avx512.h"
#include "../kernels/piecewise.h"
