/* The avx512 kernels: the shared bodies over vec_avx512.h. The only file built with this ISA's flags. */
#include "vec_avx512.h"
#include "../kernels/all.h"
