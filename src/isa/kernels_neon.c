/* The neon kernels: the shared bodies over vec_neon.h. The only file built with this ISA's flags. */
#include "vec_neon.h"
#include "../kernels/all.h"
