/* The avx512 transcendental kernels: the shared bodies over vec_avx512.h, built with
 * this ISA's flags and the scheduling flags of the transcendental family. */
#include "vec_avx512.h"
#include "../kernels/transcendental.h"
