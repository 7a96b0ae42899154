/* The sse2 kernels: the shared bodies over vec_sse2.h. The only file built with this ISA's flags. */
#include "vec_sse2.h"
#include "../kernels/all.h"
