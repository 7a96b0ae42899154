/* A program built against an installed libact, through CMake or pkg-config. */
#include <act/act.h>
#include <math.h>
#include <stdio.h>

int main(void) {
    const float x[5] = {-2.0f, -0.0f, 0.5f, 3.0f, NAN};
    float y[5];
    if (act_apply(ACT_RELU, NULL, x, y, 5) != ACT_OK) return 1;
    if (y[0] != 0 || signbit(y[1]) || y[2] != 0.5f || y[3] != 3.0f || !isnan(y[4])) return 2;
    if (act_apply(ACT_GELU_ERF, NULL, x, y, 5) != ACT_OK) return 3;
    if (fabsf(y[3] - 2.99595031f) > 1e-6f) return 4;
    printf("libact %s via %s: relu and gelu_erf ok, active ISA %s\n", act_version_string(),
           CONSUMER, act_isa_name(act_active_isa()));
    return 0;
}
