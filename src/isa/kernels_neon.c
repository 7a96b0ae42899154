/* The neon piecewise kernels and the neon dispatch row: the shared bodies over
 * vec_neon.h, built with this ISA's flags (as trans_neon.c). */
#include "vec_neon.h"
#include "../kernels/piecewise.h"
