/* The neon transcendental kernels: the shared bodies over vec_neon.h, built with
 * this ISA's flags and the scheduling flags of the transcendental family. */
#include "vec_neon.h"
#include "../kernels/transcendental.h"
