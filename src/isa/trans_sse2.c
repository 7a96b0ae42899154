/* The sse2 transcendental kernels: the shared bodies over vec_sse2.h, built with
 * this ISA's flags and the scheduling flags of the transcendental family. */
#include "vec_sse2.h"
#include "../kernels/transcendental.h"
