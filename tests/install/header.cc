// The public header compiles as C++17 and its declarations link from C++.
#include <act/act.h>

#include <cstdio>

int main() {
    float x = -1.0f, y = 1.0f;
    const int st = act_apply(ACT_RELU, nullptr, &x, &y, 1);
    std::printf("C++17: act_apply -> %d (%s), relu(-1) = %g\n", st, act_strerror(st), double(y));
    return st == ACT_OK && y == 0.0f ? 0 : 1;
}
