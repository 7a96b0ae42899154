#!/usr/bin/python3
"""Turns one act_bench JSON result into docs/performance.md and docs/img/*.png.

    /usr/bin/python3 bench/report.py RESULT.json --md docs/performance.md --img docs/img
    /usr/bin/python3 bench/report.py RESULT.json --table      # ratio table on stdout
    /usr/bin/python3 bench/report.py RESULT.json --check      # exit 1 on unexpected errors

Run with Debian's python3 (numpy, matplotlib from python3-matplotlib).
Benchmark names are <impl>/<kind>/<variant>/<n>/<mode>[/wide|/tiny] (see bench/main.cc).
Every rate is elements per CPU-second of the benchmark thread.
"""
import argparse
import json
import os
import re
import sys
from collections import defaultdict

PIECEWISE = ["relu", "leaky_relu", "prelu", "bounded_relu", "relu6", "hardtanh",
             "hardsigmoid", "hardswish", "softsign"]
TRANSCENDENTAL = ["elu", "selu", "celu", "gelu_tanh", "gelu_erf", "sigmoid", "tanh", "silu",
                  "softplus", "mish", "logsigmoid", "swish"]
KIND_ORDER = ["relu", "leaky_relu", "prelu", "bounded_relu", "relu6", "hardtanh", "elu", "selu",
              "celu", "gelu_tanh", "gelu_erf", "sigmoid", "tanh", "silu", "softplus", "mish",
              "hardsigmoid", "hardswish", "softsign", "logsigmoid", "swish"]
ISA_ORDER = ["scalar", "sse2", "avx2", "avx512", "neon"]
# Peers in column order: (impl, variant) -> column title.
PEER_TITLES = {("onednn", "eltwise"): "oneDNN", ("xnnpack", "nc_f32"): "XNNPACK",
               ("eigen", "array"): "Eigen", ("sleef", "u10avx512f"): "SLEEF-512",
               ("sleef", "u10avx2"): "SLEEF-256"}
NOT_PEERS = {"libact", "memcpy", "plain", "overhead"}
# "In cache" / "out of cache" for the targets, by bytes touched (in + out).
IN_CACHE_BYTES = 2 << 20
OUT_OF_CACHE_BYTES = 32 << 20
# A missing ISA (libact's or a SLEEF variant's) is not a failure.
EXPECTED_ERRORS = [r"not available on this CPU", r"^CPU cannot run"]


def parse(path):
    with open(path) as f:
        data = json.load(f)
    recs = {}
    # A repeated run (act_bench --act_reps) is represented by its median; its
    # single repetitions are skipped, and so is every other aggregate. A run
    # that failed in every repetition has no median and keeps a failed repetition.
    medians = {b["run_name"] for b in data["benchmarks"]
               if b.get("run_type") == "aggregate" and b.get("aggregate_name") == "median"}
    for b in data["benchmarks"]:
        if b.get("run_type") == "aggregate":
            if b.get("aggregate_name") != "median":
                continue
        elif b.get("run_name", b["name"]) in medians:
            continue
        parts = b.get("run_name", b["name"]).split("/")
        parts = [p for p in parts
                 if p not in ("real_time", "manual_time") and not p.startswith("repeats:")]
        rng = parts[-1] if parts[-1] in ("wide", "tiny") else "narrow"
        if rng != "narrow":
            parts = parts[:-1]
        if len(parts) != 5:
            continue
        impl, kind, variant, n, mode = parts
        key = (impl, kind, variant, int(n), mode, rng)
        recs[key] = b
    return data, recs


def rate(b):
    """Elements per second, or None for a skipped/errored run."""
    if b is None or b.get("error_occurred"):
        return None
    return b.get("items_per_second")


def ns_per_call(b):
    if b is None or b.get("error_occurred"):
        return None
    t = b["cpu_time"]
    unit = b.get("time_unit", "ns")
    return t * {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[unit]


class Results:
    def __init__(self, path):
        self.data, self.recs = parse(path)
        self.ctx = self.data.get("context", {})
        self.best_isa = self.ctx.get("libact_best_isa", "avx512")
        keys = self.recs.keys()
        self.sizes = sorted({k[3] for k in keys if k[0] != "overhead"})
        self.kinds = [k for k in KIND_ORDER if any(r[1] == k for r in keys)]
        self.isas = [i for i in ISA_ORDER if any(r[0] == "libact" and r[2] == i for r in keys)]
        self.peers = sorted({(k[0], k[2]) for k in keys if k[0] not in NOT_PEERS},
                            key=lambda p: list(PEER_TITLES).index(p) if p in PEER_TITLES else 99)
        self.overhead_sizes = sorted({k[3] for k in keys if k[0] == "overhead"})

    def get(self, impl, kind, variant, n, mode="oop", rng="narrow"):
        return self.recs.get((impl, kind, variant, n, mode, rng))

    def libact(self, kind, n, mode="oop", rng="narrow", isa=None):
        return rate(self.get("libact", kind, isa or self.best_isa, n, mode, rng))

    def memcpy(self, n):
        return rate(self.get("memcpy", "copy", "libc", n))

    def plain(self, kind, n, rng="narrow"):
        return rate(self.get("plain", kind, "native", n, "oop", rng))

    def peer_rates(self, kind, n, rng="narrow"):
        """{(impl, variant): rate or 'err' or None (peer lacks the kind)}."""
        out = {}
        for p in self.peers:
            b = self.get(p[0], kind, p[1], n, "oop", rng)
            if b is None:
                out[p] = None
            elif b.get("error_occurred"):
                out[p] = "err"
            else:
                out[p] = b["items_per_second"]
        return out

    def fastest_peer(self, kind, n, rng="narrow"):
        best = None
        for p, r in self.peer_rates(kind, n, rng).items():
            if isinstance(r, float) and (best is None or r > best[1]):
                best = (p, r)
        return best

    def peer_cells(self, kind, n, rng):
        """One formatted rate per peer, the fastest in bold."""
        pr = self.peer_rates(kind, n, rng)
        fp = self.fastest_peer(kind, n, rng)
        fastest = fp[0] if fp else None
        return [(f"**{fmt_rate(pr[p])}**" if p == fastest else fmt_rate(pr[p])) for p in self.peers]

    def ratios(self, kind, n, rng="narrow"):
        lib = self.libact(kind, n, rng=rng)
        mc = self.memcpy(n)
        fp = self.fastest_peer(kind, n, rng)
        xm = lib / mc if lib and mc else None
        xp = lib / fp[1] if lib and fp else None
        return lib, xm, xp, fp

    def errors(self):
        out = []
        for key, b in self.recs.items():
            if b.get("error_occurred"):
                out.append((b["name"], b.get("error_message", "")))
        return sorted(out)

    def in_cache(self, n):
        """In + out (8n bytes) <= 2 MiB: L2/L3-resident on any current x86 server core.
        (The VM's CPUID cache sizes are not trustworthy: this one reports a 508 MiB L3.)"""
        return 8 * n <= IN_CACHE_BYTES

    def out_of_cache(self, n):
        return 8 * n >= OUT_OF_CACHE_BYTES


def fmt_rate(r):
    """Gelem/s, 3 significant digits."""
    if r is None:
        return "–"
    if r == "err":
        return "err"
    g = r / 1e9
    return f"{g:.3g}"


def fmt_x(x):
    return "–" if x is None else f"{x:.2f}"


def peer_title(p):
    return PEER_TITLES.get(p, f"{p[0]}/{p[1]}")


def size_label(n):
    for s, suf in ((1 << 20, "M"), (1 << 10, "K")):
        if n >= s and n % s == 0:
            return f"{n // s}{suf}"
    return str(n)


def target_status(res, kind):
    """(met?, text) against the documented targets, for the best ISA, out of place."""
    misses = []
    if kind in PIECEWISE:
        for n in res.sizes:
            _, xm, _, _ = res.ratios(kind, n)
            if xm is not None and xm < 1.0:
                misses.append(f"{size_label(n)}: {xm:.2f}× memcpy")
    else:
        for n in res.sizes:
            _, xm, xp, _ = res.ratios(kind, n)
            if res.in_cache(n):
                if xp is not None and xp < 1.0:
                    misses.append(f"{size_label(n)}: {xp:.2f}× peer")
            elif res.out_of_cache(n) and xm is not None and xm < 0.95:
                misses.append(f"{size_label(n)}: {xm:.2f}× memcpy")
    return (not misses), ("met" if not misses else "missed (" + ", ".join(misses) + ")")


# ----------------------------------------------------------------- text table (CI)

def print_table(res, out=sys.stdout):
    w = max(len(k) for k in res.kinds) if res.kinds else 8
    head = f"{'kind':<{w}}  {'n':>9}  {'Gelem/s':>8}  {'×memcpy':>8}  {'×peer':>6}  fastest peer"
    print(head, file=out)
    print("-" * len(head), file=out)
    for kind in res.kinds:
        for n in res.sizes:
            lib, xm, xp, fp = res.ratios(kind, n)
            if lib is None and fp is None:
                continue
            fpn = f"{peer_title(fp[0])} {fmt_rate(fp[1])}" if fp else "–"
            print(f"{kind:<{w}}  {n:>9}  {fmt_rate(lib):>8}  {fmt_x(xm):>8}  {fmt_x(xp):>6}  {fpn}",
                  file=out)
    errs = res.errors()
    if errs:
        print(f"\n{len(errs)} benchmark(s) skipped with an error:", file=out)
        for name, msg in errs:
            print(f"  {name}: {msg}", file=out)


def unexpected_errors(res):
    return [(n, m) for n, m in res.errors() if not any(re.search(p, m) for p in EXPECTED_ERRORS)]


# ----------------------------------------------------------------- plots

def make_plots(res, img_dir):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    os.makedirs(img_dir, exist_ok=True)
    files = []
    colors = {"libact": "#d62728", "libact ip": "#ff9896", "memcpy": "#7f7f7f",
              "plain": "#8c564b", "oneDNN": "#1f77b4", "XNNPACK": "#2ca02c", "Eigen": "#9467bd",
              "SLEEF-512": "#ff7f0e", "SLEEF-256": "#ffbb78"}

    def throughput_fig(kinds, fname, title):
        if not kinds:
            return
        cols = 3
        rows = (len(kinds) + cols - 1) // cols
        fig, axes = plt.subplots(rows, cols, figsize=(13, 3.3 * rows), squeeze=False)
        for ax, kind in zip(axes.flat, kinds):
            xs = res.sizes

            def line(label, ys, **kw):
                pts = [(x, y / 1e9) for x, y in zip(xs, ys) if isinstance(y, float)]
                if pts:
                    ax.plot(*zip(*pts), label=label, color=colors.get(label), marker="o",
                            markersize=3, **kw)

            line("memcpy", [res.memcpy(n) for n in xs], linestyle=":", linewidth=1.5)
            line("plain", [res.plain(kind, n) for n in xs], linewidth=1)
            for p in res.peers:
                line(peer_title(p), [res.peer_rates(kind, n)[p] for n in xs], linewidth=1)
            line("libact ip", [res.libact(kind, n, "ip") for n in xs], linestyle="--",
                 linewidth=1.5)
            line("libact", [res.libact(kind, n) for n in xs], linewidth=2.5)
            ax.set_xscale("log", base=2)
            ax.set_yscale("log")
            ax.set_title(kind, fontsize=11)
            ax.set_xticks(xs)
            ax.set_xticklabels([size_label(n) for n in xs], fontsize=8)
            ax.tick_params(axis="y", labelsize=8)
            ax.grid(True, which="major", alpha=0.3)
            ax.set_ylabel("Gelem/s", fontsize=8)
        for ax in list(axes.flat)[len(kinds):]:
            ax.axis("off")
        handles, labels = {}, []
        for ax in axes.flat:
            for h, l in zip(*ax.get_legend_handles_labels()):
                if l not in handles:
                    handles[l] = h
                    labels.append(l)
        height = 3.3 * rows
        fig.suptitle(title, fontsize=12, y=1 - 0.12 / height)
        fig.legend([handles[l] for l in labels], labels, loc="upper center", ncol=len(labels),
                   fontsize=9, frameon=False, bbox_to_anchor=(0.5, 1 - 0.35 / height))
        fig.tight_layout(rect=(0, 0, 1, 1 - 0.6 / height))
        path = os.path.join(img_dir, fname)
        fig.savefig(path, dpi=90, bbox_inches="tight")
        plt.close(fig)
        files.append(fname)

    throughput_fig([k for k in PIECEWISE if k in res.kinds], "throughput-piecewise.png",
                   f"Piecewise kinds: throughput vs n (out of place, [-8, 8], 1 thread; libact at {res.best_isa})")
    throughput_fig([k for k in TRANSCENDENTAL if k in res.kinds], "throughput-transcendental.png",
                   f"Transcendental kinds: throughput vs n (out of place, [-8, 8], 1 thread; libact at {res.best_isa})")

    # Per-ISA comparison: one panel per size (smallest in-cache size, largest size).
    if res.isas and res.sizes:
        panel_sizes = sorted({min(res.sizes, key=lambda n: abs(n - 16384)), res.sizes[-1]})
        fig, axes = plt.subplots(len(panel_sizes), 1, figsize=(14, 4.2 * len(panel_sizes)),
                                 squeeze=False)
        isa_colors = {"scalar": "#bdbdbd", "sse2": "#9ecae1", "avx2": "#4292c6",
                      "avx512": "#08306b", "neon": "#31a354"}
        for ax, n in zip(axes.flat, panel_sizes):
            width = 0.8 / (len(res.isas) + 1)
            for j, isa in enumerate(res.isas):
                ys = [(res.libact(k, n, isa=isa) or 0) / 1e9 for k in res.kinds]
                ax.bar([i + j * width for i in range(len(res.kinds))], ys, width,
                       label=f"libact {isa}", color=isa_colors.get(isa))
            ys = [(res.plain(k, n) or 0) / 1e9 for k in res.kinds]
            ax.bar([i + len(res.isas) * width for i in range(len(res.kinds))], ys, width,
                   label="plain loop (-O3 -march=native)", color=colors["plain"])
            mc = res.memcpy(n)
            if mc:
                ax.axhline(mc / 1e9, color=colors["memcpy"], linestyle=":", label="memcpy")
            ax.set_yscale("log")
            ax.set_xticks([i + 0.4 - width / 2 for i in range(len(res.kinds))])
            ax.set_xticklabels(res.kinds, rotation=35, ha="right", fontsize=9)
            ax.set_ylabel("Gelem/s")
            ax.set_title(f"libact per ISA, n = {n} ({size_label(n)}), out of place", fontsize=11)
            ax.grid(True, axis="y", alpha=0.3)
            ax.legend(fontsize=8, ncol=len(res.isas) + 2, loc="upper right")
        fig.tight_layout()
        fig.savefig(os.path.join(img_dir, "per-isa.png"), dpi=90, bbox_inches="tight")
        plt.close(fig)
        files.append("per-isa.png")

    # Call overhead: ns per call, libact vs plain loop, one panel per n.
    if res.overhead_sizes:
        ns_list = res.overhead_sizes
        fig, axes = plt.subplots(1, len(ns_list), figsize=(4 * len(ns_list), 6), squeeze=False,
                                 sharey=False)
        for ax, n in zip(axes.flat, ns_list):
            kinds = res.kinds
            lib = [ns_per_call(res.get("overhead", k, "libact", n)) or 0 for k in kinds]
            pl = [ns_per_call(res.get("overhead", k, "plain", n)) or 0 for k in kinds]
            ypos = range(len(kinds))
            ax.barh([y + 0.2 for y in ypos], lib, 0.4, label="libact", color=colors["libact"])
            ax.barh([y - 0.2 for y in ypos], pl, 0.4, label="plain", color=colors["plain"])
            ax.set_yticks(list(ypos))
            ax.set_yticklabels(kinds, fontsize=8)
            ax.invert_yaxis()
            ax.set_xscale("log")
            ax.set_xlabel("ns per call (CPU time)")
            ax.set_title(f"n = {n}", fontsize=11)
            ax.grid(True, axis="x", alpha=0.3)
        h, l = axes.flat[0].get_legend_handles_labels()
        fig.suptitle("Call overhead: ns per call (CPU time) for tiny n, libact vs the plain loop",
                     fontsize=12, y=0.995)
        fig.legend(h, l, loc="upper center", ncol=2, fontsize=9, frameon=False,
                   bbox_to_anchor=(0.5, 0.955))
        fig.tight_layout(rect=(0, 0, 1, 0.92))
        fig.savefig(os.path.join(img_dir, "overhead.png"), dpi=90, bbox_inches="tight")
        plt.close(fig)
        files.append("overhead.png")
    return files


# ----------------------------------------------------------------- markdown

def cpu_name(ctx):
    model = ctx.get("cpu_model", "unknown CPU")
    m = re.search(r"family (\d+), model (\d+)", model)
    if m and "AMD" in model:
        fam = int(m.group(1))
        arch = {0x17: "Zen 1/2", 0x19: "Zen 3/4", 0x1A: "Zen 5"}.get(fam)
        if arch:
            model += f" — {arch} by CPUID family"
    return model


def caches_text(ctx):
    parts = []
    for c in ctx.get("caches", []):
        size = c["size"]
        s = f"{size >> 20} MiB" if size >= 1 << 20 else f"{size >> 10} KiB"
        typ = {"Data": "d", "Instruction": "i", "Unified": ""}.get(c.get("type"), "")
        shared = c.get("num_sharing", 1)
        parts.append(f"L{c['level']}{typ} {s}" + (f" (shared by {shared})" if shared > 1 else ""))
    if not parts and ctx.get("cpu_caches_cpuid"):
        return ctx["cpu_caches_cpuid"] + " (CPUID, as glibc reads it; a VM may report the host's totals)"
    return ", ".join(parts) or "unknown"


def write_md(res, md_path, img_dir, images, command, seconds):
    ctx = res.ctx
    rel_img = os.path.relpath(img_dir, os.path.dirname(md_path) or ".")
    L = []
    a = L.append
    a("# Performance")
    a("")
    a("<!-- Generated by bench/report.py from one act_bench run; do not edit by hand. "
      "Regenerate with scripts/bench.sh. -->")
    a("")
    a("Throughput of `act_apply` against `memcpy` of the same bytes, a plain C loop and the "
      "peer libraries, all single-threaded, from **one run** of the benchmark harness in "
      "`bench/` on the machine below. Regenerate everything on this page (tables and plots) "
      "with one command:")
    a("")
    a("```sh")
    a("scripts/bench.sh            # build/bench, full run, rewrites docs/performance.md and docs/img/")
    a("```")
    a("")
    mins = f"{seconds / 60:.1f} min" if seconds else "unknown"
    m = re.search(r"--act_reps=(\d+)", ctx.get("act_bench_args", ""))
    reps = int(m.group(1)) if m else 1
    scalar_kinds = []
    for kind in res.kinds:
        b = res.get("libact", kind, res.best_isa, res.sizes[-1]) if res.sizes else None
        m = re.search(r"kernel=(\w+)", (b or {}).get("label", ""))
        if m and m.group(1) != res.best_isa:
            scalar_kinds.append(f"{kind} ({m.group(1)})")
    a(f"This run: `{command}`, {mins} wall time, started {ctx.get('date', '?')}, "
      f"`--benchmark_min_time={ctx_min_time(ctx)}`, libact source "
      f"`{ctx.get('libact_source', '?')}`. "
      + (f"Every figure for n ≤ 256K is the median of {reps} repetitions, interleaved at "
         "random with all other runs (`--act_reps`, `--benchmark_enable_random_interleaving`): "
         "a single in-cache sample moved by 10-20 % between runs on this shared VM, a median "
         "by a few %. For larger n, memcpy and libact at its best ISA (the ×memcpy target) are "
         "medians likewise; the other columns ran once. " if reps > 1 else "")
      + (f"Kinds without a `{res.best_isa}` kernel in this build, served by a lower ISA: "
         f"{', '.join(scalar_kinds)}. " if scalar_kinds else
         f"Every kind ran its own `{res.best_isa}` kernel. ")
      + "Kernels are still being tuned: re-run the command after kernel changes, and commit "
      "only the output of a full run.")
    a("")
    a(f"A full run takes about {mins} on this 2-core VM with `--benchmark_min_time=0.05` "
      f"and {reps} repetition{'s' if reps > 1 else ''} in cache "
      "(budget: under 15 minutes; most of the time goes to the scalar-ISA and plain-loop "
      "transcendental runs at 64M elements, about a second per call). "
      "`scripts/bench.sh --act_sizes=16384,4194304` or `--act_kinds=relu,gelu_tanh` gives a "
      "quicker look. On a shared machine large-n results vary by ±30 % between runs; rerun "
      "before reading much into a single 64M cell.")
    a("")
    a("## Targets")
    a("")
    a("- **Piecewise kinds** (relu, leaky_relu, prelu, bounded_relu, relu6, hardtanh, "
      "hardsigmoid, hardswish, softsign): **≥ 1.0× memcpy** at every size.")
    a("- **Transcendental kinds** (elu, selu, celu, gelu_tanh, gelu_erf, sigmoid, tanh, silu, "
      "softplus, mish, logsigmoid, swish): **≥ 1.0× the fastest peer in cache** and "
      "**≥ 0.95× memcpy out of cache**.")
    in_c = [size_label(n) for n in res.sizes if res.in_cache(n)]
    out_c = [size_label(n) for n in res.sizes if res.out_of_cache(n)]
    a(f"- \"In cache\": input + output ≤ 2 MiB (n = {', '.join(in_c) or '–'}), L2/L3-resident "
      f"on current x86 server cores; \"out of cache\": ≥ 32 MiB (n = {', '.join(out_c) or '–'}).")
    a("")
    a(f"Measured against libact at its best ISA here (`{res.best_isa}`), out of place, "
      "input uniform in [−8, 8]:")
    a("")
    a("| kind | target status |")
    a("|---|---|")
    for kind in res.kinds:
        ok, text = target_status(res, kind)
        a(f"| {kind} | {'✅' if ok else '❌'} {text} |")
    a("")
    a("Why the piecewise kinds stay below memcpy for 16K–128K elements (L2-resident): "
      "[design.md, \"Piecewise kinds against memcpy\"](design.md#piecewise-kinds-against-memcpy).")
    a("")

    a("## Summary: ×memcpy / ×fastest peer")
    a("")
    a(f"libact (`{res.best_isa}`, out of place) throughput divided by memcpy's and by the fastest "
      "peer's at the same n. \"–\": no peer computes the kind.")
    a("")
    a("| kind | " + " | ".join(f"n = {size_label(n)}" for n in res.sizes) + " |")
    a("|---|" + "---|" * len(res.sizes))
    for kind in res.kinds:
        cells = []
        for n in res.sizes:
            _, xm, xp, _ = res.ratios(kind, n)
            cells.append(f"{fmt_x(xm)} / {fmt_x(xp)}")
        a(f"| {kind} | " + " | ".join(cells) + " |")
    a("")

    for fname, title in (("throughput-piecewise.png", "Piecewise kinds"),
                         ("throughput-transcendental.png", "Transcendental kinds")):
        if fname in images:
            a(f"![{title}: throughput vs n]({rel_img}/{fname})")
            a("")

    a("## Throughput per kind and size (Gelem/s)")
    a("")
    a("Out of place unless noted; input uniform in [−8, 8]. *ip*: libact in place. "
      "*×memcpy*, *×peer*: libact oop over memcpy / over the fastest peer. "
      "*plain*: the straightforward loop (`bench/plain.cc`, `-O3 -march=native`, libm). "
      "\"–\": the peer has no such operation; \"err\": the peer failed its accuracy check "
      "(see [Errors](#errors-and-skips)).")
    a("")
    pcols = [peer_title(p) for p in res.peers]
    a("| kind | n | libact | ip | memcpy | ×memcpy | ×peer | plain | " + " | ".join(pcols) + " |")
    a("|---|---:|---:|---:|---:|---:|---:|---:|" + "---:|" * len(pcols))
    for kind in res.kinds:
        for n in res.sizes:
            lib, xm, xp, _ = res.ratios(kind, n)
            pcells = res.peer_cells(kind, n, "narrow")
            a(f"| {kind} | {size_label(n)} | {fmt_rate(lib)} | {fmt_rate(res.libact(kind, n, 'ip'))} | "
              f"{fmt_rate(res.memcpy(n))} | {fmt_x(xm)} | {fmt_x(xp)} | {fmt_rate(res.plain(kind, n))} | "
              + " | ".join(pcells) + " |")
    a("")
    a("Bold: the fastest peer for that row.")
    a("")

    wide_kinds = [k for k in res.kinds if any(r[1] == k and r[5] == "wide" for r in res.recs)]
    if wide_kinds:
        a("## Wide input range [−100, 100] (transcendental kinds)")
        a("")
        a("Same as above with inputs uniform in [−100, 100]: most elements take the saturated "
          "branches (exp underflow/overflow), which changes the cost of branchy code.")
        a("")
        a("| kind | n | libact | ip | ×memcpy | ×peer | plain | " + " | ".join(pcols) + " |")
        a("|---|---:|---:|---:|---:|---:|---:|" + "---:|" * len(pcols))
        for kind in wide_kinds:
            for n in res.sizes:
                lib, xm, xp, _ = res.ratios(kind, n, "wide")
                pcells = res.peer_cells(kind, n, "wide")
                a(f"| {kind} | {size_label(n)} | {fmt_rate(lib)} | "
                  f"{fmt_rate(res.libact(kind, n, 'ip', 'wide'))} | {fmt_x(xm)} | {fmt_x(xp)} | "
                  f"{fmt_rate(res.plain(kind, n, 'wide'))} | " + " | ".join(pcells) + " |")
        a("")

    tiny = sorted({(r[1], r[3]) for r in res.recs if r[5] == "tiny"},
                  key=lambda kn: (KIND_ORDER.index(kn[0]) if kn[0] in KIND_ORDER else 99, kn[1]))
    if tiny:
        a("## Denormal inputs [−1e-38, 1e-38] (transcendental kinds)")
        a("")
        a("Out of place at the best ISA, inputs uniform in [−1e-38, 1e-38]: every input is "
          "denormal or zero. On x86 a division with a denormal operand or result, and some "
          "multiplies with a tiny result, take a slow path; \"×[−8, 8]\" is libact's rate here "
          "over its own rate on [−8, 8] at the same n (1.00: no slowdown). A peer that flushes "
          "denormals to zero still passes the check (absolute tolerance) here.")
        a("")
        a("| kind | n | libact | ×[−8, 8] | plain | " + " | ".join(pcols) + " |")
        a("|---|---:|---:|---:|---:|" + "---:|" * len(pcols))
        for kind, n in tiny:
            lib = res.libact(kind, n, rng="tiny")
            narrow = res.libact(kind, n)
            pcells = res.peer_cells(kind, n, "tiny")
            a(f"| {kind} | {size_label(n)} | {fmt_rate(lib)} | "
              f"{fmt_x(lib / narrow if lib and narrow else None)} | "
              f"{fmt_rate(res.plain(kind, n, 'tiny'))} | " + " | ".join(pcells) + " |")
        a("")

    if res.isas:
        a("## Per ISA")
        a("")
        a("libact with `act_set_max_isa(<isa>)` set inside each benchmark, out of place, "
          "[−8, 8]. Gelem/s; *(scalar)* marks a kind that has no kernel of its own at that ISA "
          "and is served by the scalar path (`act_kernel_isa`).")
        a("")
        for n in sorted({min(res.sizes, key=lambda m: abs(m - 16384)), res.sizes[-1]}):
            a(f"**n = {size_label(n)}**")
            a("")
            a("| kind | " + " | ".join(res.isas) + " | plain |")
            a("|---|" + "---:|" * (len(res.isas) + 1))
            for kind in res.kinds:
                cells = []
                for isa in res.isas:
                    b = res.get("libact", kind, isa, n)
                    c = fmt_rate(rate(b))
                    if b is not None and b.get("error_occurred"):
                        c = "n/a"
                    lab = (b or {}).get("label", "")
                    m = re.search(r"kernel=(\w+)", lab)
                    if m and m.group(1) != isa:
                        c += f" *({m.group(1)})*"
                    cells.append(c)
                a(f"| {kind} | " + " | ".join(cells) + f" | {fmt_rate(res.plain(kind, n))} |")
            a("")
        if "per-isa.png" in images:
            a(f"![libact per ISA]({rel_img}/per-isa.png)")
            a("")

    if res.overhead_sizes:
        a("## Call overhead")
        a("")
        a(f"ns per call (CPU time) for tiny n: libact (`act_apply`, `{res.best_isa}`: "
          "validation, dispatch, kernel) against the plain loop called through a function "
          "pointer. Cells: libact / plain.")
        a("")
        a("| kind | " + " | ".join(f"n = {n}" for n in res.overhead_sizes) + " |")
        a("|---|" + "---:|" * len(res.overhead_sizes))
        for kind in res.kinds:
            cells = []
            for n in res.overhead_sizes:
                lb = ns_per_call(res.get("overhead", kind, "libact", n))
                pb = ns_per_call(res.get("overhead", kind, "plain", n))
                cells.append(f"{lb:.1f} / {pb:.1f}" if lb is not None and pb is not None else "–")
            a(f"| {kind} | " + " | ".join(cells) + " |")
        a("")
        if "overhead.png" in images:
            a(f"![call overhead]({rel_img}/overhead.png)")
            a("")

    a("## Peer accuracy (checked before timing)")
    a("")
    a("Every implementation's output is compared, before it is timed, with libact's scalar path "
      "(`act_set_max_isa(ACT_ISA_SCALAR)`, `act_apply`) on up to 16384 elements spread over the "
      "whole buffer; sampled outputs are first poisoned with NaN. An element passes within the "
      "implementation's tolerance in ULP *or* absolute error (libact: 4 ULP; plain loop and SLEEF: "
      "16 ULP or 1e-6; oneDNN, XNNPACK, Eigen: 64 ULP or 1e-5). A failing run is skipped with "
      "its maximum error and posts no time. Cells: max ULP error where |result| ≥ 2⁻¹⁰ / "
      "max absolute error, worst over sizes, [−8, 8] and [−100, 100].")
    a("")
    impls = [("plain", "native")] + res.peers
    a("| kind | " + " | ".join("plain" if p[0] == "plain" else peer_title(p) for p in impls) + " |")
    a("|---|" + "---:|" * len(impls))
    for kind in res.kinds:
        cells = []
        for p in impls:
            ulp = ab = None
            err = False
            for key, b in res.recs.items():
                if key[0] == p[0] and key[1] == kind and key[2] == p[1]:
                    if b.get("error_occurred"):
                        err = True
                        continue
                    if "err_ulp" in b:
                        ulp = max(ulp or 0, b["err_ulp"])
                        ab = max(ab or 0, b["err_abs"])
            if ulp is None and not err:
                cells.append("–")
            else:
                c = f"{ulp:.0f} / {ab:.1e}" if ulp is not None else ""
                cells.append((c + " " if c else "") + ("**err**" if err else ""))
        a(f"| {kind} | " + " | ".join(cells) + " |")
    a("")

    a("## Errors and skips")
    a("")
    errs = res.errors()
    if not errs:
        a("None: every benchmark ran and every implementation passed its accuracy check.")
    else:
        a("| benchmark | message |")
        a("|---|---|")
        for name, msg in errs:
            a(f"| `{name}` | {msg.replace('|', '/')} |")
    a("")

    a("## Machine and versions")
    a("")
    a(f"- CPU: {cpu_name(ctx)}, {ctx.get('num_cpus', '?')} logical CPUs at "
      f"{ctx.get('mhz_per_cpu', '?')} MHz (nominal); caches: {caches_text(ctx)}")
    a(f"- CPU flags of interest: {ctx.get('cpu_flags', '?')}")
    la = ctx.get("load_avg")
    if la:
        a(f"- Load average when the run started: {', '.join(f'{x:.2f}' for x in la)} "
          "(the machine is shared; rates are per CPU-second of the benchmark thread, "
          "so time spent preempted does not count, but cache and memory-bandwidth "
          "interference from other work does)")
    a(f"- libact {ctx.get('libact_version', '?')} from source `{ctx.get('libact_source', '?')}` "
      f"(`git describe --always --dirty`), ISAs run here: {ctx.get('libact_isas', '?')}")
    a(f"- Compilers: C {ctx.get('compiler_c', '?')} (libact), C++ {ctx.get('compiler_cxx', '?')} "
      "(harness, peers' bindings)")
    vers = [f"{k[len('version_'):]} {v}" for k, v in sorted(ctx.items()) if k.startswith("version_")]
    a(f"- Libraries: {', '.join(vers)} (Debian packages; Google Benchmark's Debian build "
      f"reports itself as a {ctx.get('library_build_type', '?')} build, which affects only its "
      "own bookkeeping outside the timed loops)")
    a(f"- Peers found at configure time: {ctx.get('peers', 'none')}")
    a("")

    a("## Method")
    a("")
    a("- Harness: `bench/` (C++17, Google Benchmark), built by `scripts/bench.sh` in `build/bench` "
      "with `-DACT_BUILD_BENCH=ON`, CMake Release (`-O3`). Each benchmark is named "
      "`<impl>/<kind>/<variant>/<n>/<mode>[/wide|/tiny]`, e.g. `libact/gelu_tanh/avx512/16384/oop`, "
      "so `--benchmark_filter` selects by name; `--act_kinds=`, `--act_sizes=`, `--act_isas=`, "
      "`--act_impls=`, `--act_wide=`, `--act_tiny=`, `--act_overhead=` restrict what is registered "
      "(`scripts/bench.sh` passes them through).")
    a(f"- Sizes n = {', '.join(str(n) for n in res.sizes)} floats; every kind, out of place at "
      f"every ISA, in place at the best ISA; the wide range at the best ISA, the tiny range at "
      f"the best ISA, out of place, n = 16384 only. Rates are elements "
      "(and bytes = 4 read + 4 written per element) per second of thread CPU time.")
    a("- Buffers: 64-byte aligned, allocated once at the largest n and fully written before the "
      "first run (pre-faulted). Input: a fixed splitmix64 stream, uniform in [−8, 8] (and "
      "[−100, 100] for the wide variant, [−1e-38, 1e-38] for the tiny one), the same prefix for "
      "every n.")
    a("- The same input is processed over and over. At small n a branchy loop (libact's scalar "
      "path, the plain loop) can have its branch pattern learned by the predictor, so its "
      "small-n numbers are optimistic; a drop of 10× or more between 16K and 256K is that "
      "effect, not the cache.")
    a("- In place: each iteration refreshes the buffer from the input (memcpy) and then makes R "
      "in-place calls; the refresh's CPU time is measured separately and subtracted. R ≤ 16 "
      "(so repeated calls never drift values into denormals) is chosen so that the refresh is "
      "at most about 1/8 of the measured time when possible. In place touches half the memory of "
      "out of place (one 4n-byte buffer instead of two), so from 256K on its working set sits one "
      "cache level lower, and at 64M it saves the write-allocate reads of a separate output: "
      "*ip* above *oop* there is expected.")
    a("- libact: `act_set_max_isa(<isa>)` inside each benchmark before its loop (the cap is "
      "process-wide); a missing ISA is skipped with an error that names it. Default parameters "
      "(`act_params_default`); PReLU with 64 channels, `inner = 1` (NC/NHWC layout: channel = "
      "i mod 64), slopes 0.01 … 0.25, the layout XNNPACK and oneDNN's PReLU use.")
    a("- memcpy: glibc `memcpy` of the same 4n bytes, with whatever strategy glibc picks for "
      "the size. Compare its 4M and 64M rates in the table: where memcpy is already at its "
      "64M (DRAM) rate at 4M while the simple loops still profit from the L3, ×memcpy at 4M "
      "flatters every implementation.")
    a("- Plain loop: `bench/plain.cc`, one straightforward loop per kind with libm "
      "(e.g. `1/(1+expf(-x))`), `-O3 -march=native`, no `-ffast-math`, called through a "
      "function pointer.")
    a("- oneDNN: `eltwise_forward` (forward_inference) primitive on a 1-D tensor, created once per "
      "benchmark; PReLU through `prelu_forward`. Debian's libdnnl uses the OpenMP runtime; the "
      "harness calls `omp_set_num_threads(1)` and `scripts/bench.sh` sets `OMP_NUM_THREADS=1`. "
      "oneDNN 2.6 has no selu, hardsigmoid or softsign; celu (alpha = 1) is run as elu (alpha = 1), "
      "the same function.")
    a("- XNNPACK: `xnn_create_*_nc_f32` operators created and set up once, run with a NULL "
      "threadpool. The 2022-02 snapshot has clamp (relu, relu6, bounded_relu, hardtanh), "
      "leaky_relu, prelu, elu (also celu), sigmoid and hardswish; no tanh, gelu, silu, softplus.")
    a("- Eigen: `Eigen::Map<Eigen::ArrayXf>` expressions (`.max(0)`, `.tanh()`, `.logistic()`, "
      "`.erf()`, `.expm1()`, `.log1p()` …), built with `-O3 -march=native`.")
    a("- SLEEF: loops over `Sleef_*f16_u10avx512f` and `Sleef_*f8_u10avx2` (erfc: `_u15`), each "
      "kind composed from exp/expm1/log1p/tanh/erfc, with overflow-free forms for softplus and "
      "logsigmoid.")
    a("- Kinds a peer lacks show \"–\"; \"×peer\" uses the fastest peer that ran and passed its "
      "check. The plain loop is a baseline, not a peer.")
    a("")
    with open(md_path, "w") as f:
        f.write("\n".join(L))


def ctx_min_time(ctx):
    m = re.search(r"--benchmark_min_time=(\S+)", ctx.get("act_bench_args", ""))
    return m.group(1) if m else "default"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("json")
    ap.add_argument("--md", help="write the markdown report here")
    ap.add_argument("--img", default="docs/img", help="directory for the PNG plots")
    ap.add_argument("--table", action="store_true", help="print the ratio table")
    ap.add_argument("--check", action="store_true",
                    help="exit 1 if a benchmark failed other than for a missing ISA")
    ap.add_argument("--command", default="scripts/bench.sh", help="command line to document")
    ap.add_argument("--seconds", type=float, default=0, help="wall time of the run, to document")
    args = ap.parse_args()

    res = Results(args.json)
    if args.table:
        print_table(res)
    if args.md:
        images = make_plots(res, args.img)
        write_md(res, args.md, args.img, images, args.command, args.seconds)
        print(f"report: wrote {args.md} and {len(images)} plots in {args.img}")
    if args.check:
        bad = unexpected_errors(res)
        if bad:
            print(f"\n{len(bad)} unexpected benchmark error(s):", file=sys.stderr)
            for name, msg in bad:
                print(f"  {name}: {msg}", file=sys.stderr)
            return 1
        print("check: no unexpected benchmark errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
