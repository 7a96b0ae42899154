/* The avx2 kernels: the shared bodies over vec_avx2.h. The only file built with this ISA's flags. */
#include "vec_avx2.h"
#include "../kernels/all.h"
