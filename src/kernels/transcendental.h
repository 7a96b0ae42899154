/*
 * The transcendental kernel bodies (sigmoid first among the exp-based ones,
 * for its SLEEF composition) and their SLEEF compositions. Included once per
 * ISA by src/isa/trans_<isa>.c after its vec_<isa>.h; the dispatch row that
 * points here is in kernels/piecewise.h.
 */
#include "common.h"
#include "list.h"

#include "exp_core.h"
#include "sigmoid.h" /* before the kinds that use act_sigmoid_sleef_v */
#include "elu.h"
#include "selu.h"
#include "celu.h"
#include "gelu_tanh.h"
#include "gelu_erf.h"
#include "tanh.h"
#include "silu.h"
#include "swish.h"
#include "softplus.h"
#include "mish.h"
#include "logsigmoid.h"

#define ACT_SLEEF_TABLE_ENTRY_(E, name) [ACT_##E] = ACT_KFN(name##_sleef),
/* act_kernels_sleef__<isa>: the SLEEF compositions of the transcendental
 * kinds (NULL elsewhere). For the accuracy tool and tests; never dispatched. */
const act_kernel_fn ACT_CAT(act_kernels_sleef__, ACT_ISA_SUFFIX)[ACT_KIND_COUNT + 1] = {
    ACT_TRANS_KIND_LIST(ACT_SLEEF_TABLE_ENTRY_)};
