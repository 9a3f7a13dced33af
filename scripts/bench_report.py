#!/usr/bin/env python3
"""Turns a skillmatch_bench JSON run into docs/benchmarks.md (tables) and two hand-written SVG bar charts.

Python 3 standard library only.

    build/benchmarks/skillmatch_bench --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
        --benchmark_format=json --benchmark_out=bench.json --benchmark_out_format=json
    python3 scripts/bench_report.py bench.json --cmake-cache build/CMakeCache.txt --command "..."

With repetitions the medians are used; without, the single run. Several JSON files may be given (e.g. the
suite and the limits run separately); later files win for a row present in several.
"""
import argparse
import datetime
import html
import json
import math
import os
import re
import subprocess
import sys

TIME_TO_MS = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}


def load_rows(paths):
    """name -> {"ms": time per iteration in ms, counters...}; medians when aggregates exist."""
    rows, contexts = {}, []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        contexts.append(data.get("context", {}))
        iterations, medians = {}, {}
        for b in data.get("benchmarks", []):
            if b.get("error_occurred"):
                continue
            name = re.sub(r"/(real_time|manual_time)$", "", b.get("run_name", b["name"]))
            entry = {k: v for k, v in b.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}
            entry["ms"] = b["real_time"] * TIME_TO_MS[b.get("time_unit", "ns")]
            if b.get("run_type") == "aggregate":
                if b.get("aggregate_name") == "median":
                    medians[name] = entry
            else:
                iterations.setdefault(name, []).append(entry)
        for name, runs in iterations.items():
            if name in medians:
                continue
            keys = set().union(*runs)
            rows[name] = {k: sorted(r[k] for r in runs if k in r)[len([r for r in runs if k in r]) // 2] for k in keys}
        rows.update(medians)
    return rows, contexts


def parse_name(name):
    """'Exact/skillmatch/single/uniform/N:100000/d:128/threads:1' -> dict, or None for other rows."""
    parts = name.split("/")
    if len(parts) < 4 or parts[0] not in ("Exact", "ExactFiltered", "Approx"):
        return None
    info = {"group": parts[0], "impl": parts[1], "mode": parts[2], "data": parts[3]}
    for p in parts[4:]:
        if ":" in p:
            k, v = p.split(":", 1)
            info[k] = v
    return info


def fmt(x, digits=3):
    if x is None:
        return "–"
    if isinstance(x, float):
        if x == 0:
            return "0"
        if abs(x) >= 100:
            return f"{x:.0f}"
        if abs(x) >= 10:
            return f"{x:.1f}"
        return f"{x:.{digits}g}"
    return str(x)


def human_n(n):
    n = int(n)
    return f"{n // 1_000_000}M" if n % 1_000_000 == 0 else (f"{n // 1000}k" if n % 1000 == 0 else str(n))


def machine_description():
    model, cores = "unknown CPU", 0
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            k, _, v = line.partition(":")
            if k.strip() == "Model name":
                model = v.strip()
            elif k.strip() == "CPU(s)":
                cores = int(v.strip())
    except (OSError, subprocess.CalledProcessError, ValueError):
        pass
    mem = "unknown"
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    flags = ""
    try:
        with open("/proc/cpuinfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("flags"):
                    fl = set(line.split(":", 1)[1].split())
                    flags = ", ".join(x for x in ("avx2", "fma", "avx512f") if x in fl)
                    break
    except OSError:
        pass
    return model, cores, mem, flags


def compile_flags(cache_path):
    if not cache_path or not os.path.exists(cache_path):
        return "unknown (pass --cmake-cache build/CMakeCache.txt)"
    vals = {}
    with open(cache_path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = re.match(r"^(CMAKE_BUILD_TYPE|CMAKE_CXX_FLAGS|CMAKE_CXX_FLAGS_RELEASE|CMAKE_CXX_COMPILER):[A-Z]+=(.*)$", line.strip())
            if m:
                vals[m.group(1)] = m.group(2)
    bt = vals.get("CMAKE_BUILD_TYPE", "?")
    flags = " ".join(x for x in (vals.get("CMAKE_CXX_FLAGS", ""), vals.get(f"CMAKE_CXX_FLAGS_{bt.upper()}", "")) if x)
    return f"{os.path.basename(vals.get('CMAKE_CXX_COMPILER', 'c++'))}, {bt}: `{flags or '(none)'}` " \
           "(baseline x86-64; AVX2/AVX-512 kernels via per-function target attributes and runtime dispatch)"


# ----------------------------------------------------------------------------------------------------
# SVG: horizontal bars, optional log scale, written by hand.

def svg_bars(title, items, unit, log=False, ref=None):
    """items: [(label, value, colour)]; ref: x value of a dashed reference line (e.g. 1.0)."""
    items = [(l, v, c) for l, v, c in items if v is not None and v > 0]
    left, right, top, bar_h, gap = 330, 60, 48, 16, 5
    width = 900
    plot_w = width - left - right
    height = top + len(items) * (bar_h + gap) + 40
    vmax = max([v for _, v, _ in items] + [ref or 0, 1e-9])
    if log:
        vmin = min([v for _, v, _ in items] + [ref or vmax])
        lo = math.floor(math.log10(min(vmin, 1.0)))
        hi = math.ceil(math.log10(vmax * 1.05))
        if hi == lo:
            hi += 1

        def xpos(v):
            return left + plot_w * (math.log10(v) - lo) / (hi - lo)
        ticks = [10 ** e for e in range(lo, hi + 1)]
        x0 = left
    else:
        hi_v = vmax * 1.1

        def xpos(v):
            return left + plot_w * v / hi_v
        step = 10 ** math.floor(math.log10(hi_v)) if hi_v > 0 else 1
        while hi_v / step < 4:
            step /= 2
        ticks = [i * step for i in range(int(hi_v / step) + 1)]
        x0 = left
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'font-family="sans-serif" font-size="11">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{width / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">{html.escape(title)}</text>']
    for t in ticks:
        x = xpos(t) if (not log or t > 0) else left
        out.append(f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{height - 34}" stroke="#ddd"/>')
        out.append(f'<text x="{x:.1f}" y="{height - 20}" text-anchor="middle">{t:g}</text>')
    out.append(f'<text x="{left + plot_w / 2}" y="{height - 5}" text-anchor="middle">{html.escape(unit)}</text>')
    if ref is not None:
        x = xpos(ref)
        out.append(f'<line x1="{x:.1f}" y1="{top - 10}" x2="{x:.1f}" y2="{height - 34}" stroke="#333" stroke-dasharray="4 3"/>')
    for i, (label, v, colour) in enumerate(items):
        y = top + i * (bar_h + gap)
        x1 = xpos(v)
        out.append(f'<text x="{left - 6}" y="{y + bar_h - 4}" text-anchor="end">{html.escape(label)}</text>')
        out.append(f'<rect x="{x0}" y="{y}" width="{max(x1 - x0, 1):.1f}" height="{bar_h}" fill="{colour}"/>')
        out.append(f'<text x="{x1 + 4:.1f}" y="{y + bar_h - 4}">{fmt(v)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


# ----------------------------------------------------------------------------------------------------

def workload_key(info):
    return (info["group"], info["mode"], int(info.get("N", 0)), int(info.get("d", 0)), info["data"],
            int(info.get("pct", 0)), int(info.get("threads", 0)))


def workload_label(key):
    group, mode, n, d, data, pct, threads = key
    s = f"{mode} {data} {human_n(n)}x{d}"
    if pct:
        s += f" {pct}%"
    return s + f" t{threads}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("json", nargs="+")
    ap.add_argument("--out", default="docs/benchmarks.md")
    ap.add_argument("--svg", default="docs/benchmarks.svg")
    ap.add_argument("--svg-limits", default="docs/benchmarks_limits.svg")
    ap.add_argument("--cmake-cache", default="build/CMakeCache.txt")
    ap.add_argument("--command", default="", help="the command that produced the JSON, quoted in the doc")
    args = ap.parse_args()

    rows, contexts = load_rows(args.json)
    ctx = contexts[0] if contexts else {}
    model, cores, mem, flags = machine_description()

    workloads = {}
    other = {}
    for name, r in rows.items():
        info = parse_name(name)
        if info is None:
            other[name] = r
            continue
        workloads.setdefault(workload_key(info), {})[info["impl"]] = r

    # The largest cache level: a data set smaller than it may be served from cache, not memory.
    llc = max([c.get("size", 0) for c in ctx.get("caches", [])] + [0])

    def cache_mark(key):
        return " †" if llc and key[2] * key[3] * 4 <= llc else ""

    md = []
    md.append("# Benchmarks\n")
    md.append("Generated by `scripts/bench_report.py` from a real `skillmatch_bench` run; do not edit by hand.\n")
    md.append(f"- **Date of the run**: {ctx.get('date', '?')}; report written {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M UTC}")
    md.append(f"- **Machine**: {model}, {cores} CPU(s) ({ctx.get('num_cpus', '?')} seen by the run, "
              f"{ctx.get('mhz_per_cpu', '?')} MHz), {mem} RAM, SIMD: {flags}. A shared VM: other jobs ran at the same time.")
    md.append(f"- **Compiler / flags**: {compile_flags(args.cmake_cache)}")
    md.append("- **FAISS**: Debian `libfaiss-dev` 1.7.3, compiled for baseline x86-64 (no AVX: its own "
              "kernels use SSE only) and linked to the netlib *reference* BLAS (`libblas3`), which its batch "
              "path (nq >= 20: sgemm) uses. Every FAISS figure below carries that handicap. FAISS could not be "
              "rebuilt with our flags: no FAISS sources are available offline.")
    shares = sorted(r["cpu_per_wall"] for n, r in rows.items()
                    if n.startswith("Exact/skillmatch/single/") and n.endswith("threads:1") and "cpu_per_wall" in r)
    if shares:
        md.append(f"- **CPU share actually received** by one-thread scans (process CPU time / wall time): median "
                  f"{shares[len(shares) // 2]:.2f}, range {shares[0]:.2f}–{shares[-1]:.2f}. Below 1 means other jobs "
                  "shared the cores; the limits were measured under the same conditions, moments before each row, "
                  "and `*_fraction_cpu` discounts it.")
    if args.command:
        md.append(f"- **Command**: `{args.command}`")
    md.append("- Times are medians over repetitions (when run with `--benchmark_repetitions`). "
              "`speedup_vs_faiss` = FAISS time / skillmatch time, both timed alternately in the same loop.\n")

    # Limits.
    md.append("## Machine limits (measured in the same run)\n")
    md.append("| limit | threads | value |")
    md.append("|---|---|---|")
    for name, r in sorted(other.items()):
        if name.startswith("BM_MemoryBandwidth"):
            md.append(f"| memory read bandwidth | {name.rsplit(':', 1)[-1]} | {r.get('bytes_per_second', 0) / 1e9:.1f} GB/s |")
        elif name.startswith("BM_PeakFma"):
            width = name.split("/")[1]
            md.append(f"| peak FP32 FMA ({'AVX-512' if width == '512' else 'AVX2'}) | {name.rsplit(':', 1)[-1]} | "
                      f"{r.get('gflops', 0):.0f} GFLOP/s |")
    md.append("\nEach search row also measures the limit for its own thread count right before it runs "
              "(`bw_limit_GBps`, `peak_gflops`); its fraction uses that figure.\n")

    # Exact, side by side.
    def table(group, mode_filter, title, note):
        keys = sorted(k for k in workloads if k[0] == group and mode_filter(k[1]))
        if not keys:
            return
        md.append(f"## {title}\n")
        md.append(note + "\n")
        md.append("| workload | skillmatch ms | fraction of limit (wall / cpu) | FAISS ms (path) | speedup_vs_faiss | FAISS agree@10 |")
        md.append("|---|---:|---:|---:|---:|---:|")
        for k in keys:
            impls = workloads[k]
            ours = impls.get("skillmatch")
            fa = next(((i, r) for i, r in impls.items() if i.startswith("faiss")), None)
            frac = None
            if ours:
                frac = ours.get("bw_fraction", ours.get("flop_fraction", ours.get("admitted_bw_fraction")))
                kind = "bw" if "bw_fraction" in ours else ("flop" if "flop_fraction" in ours else "admitted bw")
            frac_s = f"{fmt(frac)} ({kind})" if frac is not None else "–"
            cpu_frac = ours.get("bw_fraction_cpu", ours.get("flop_fraction_cpu")) if ours else None
            if cpu_frac is not None:
                frac_s += f" / {fmt(cpu_frac)}"
            fa_s, sp_s, ag_s = "–", "–", "–"
            if fa:
                path = "BLAS sgemm, netlib" if "blas" in fa[0] else "own SSE kernel"
                fa_s = f"{fmt(fa[1]['ms'])} ({path}, no AVX)"
                sp_s = fmt(fa[1].get("speedup_vs_faiss"))
                ag_s = fmt(fa[1].get("agree_at_10"))
            md.append(f"| {workload_label(k)}{cache_mark(k)} | {fmt(ours['ms']) if ours else '–'} | {frac_s} | {fa_s} | **{sp_s}** | {ag_s} |")
        if any(cache_mark(k) for k in keys):
            md.append(f"\n† the vectors ({'/'.join(sorted({human_n(k[2]) + 'x' + str(k[3]) for k in keys if cache_mark(k)}))}) "
                      f"fit in the {llc / 2**20:.0f} MiB last-level cache the run reported, so repeated scans are "
                      "partly served from cache: a bandwidth fraction above 1 there is no error. The 1M rows "
                      "(512 MiB and 1.5 GiB) stream from memory.")
        md.append("")

    table("Exact", lambda m: m == "single", "Exact top-10, one query per call",
          "`fraction of limit` = `bw_fraction`: bytes of the vectors scanned per second over the read bandwidth "
          "measured just before, same thread count; after the slash `bw_fraction_cpu`, the same per CPU-second of "
          "this process (it discounts time the shared machine gave our threads to other jobs). FAISS with nq = 1 uses its own per-vector kernel and one "
          "thread whatever OpenMP allows (it parallelises over queries).")
    table("Exact", lambda m: m == "batch64", "Exact top-10, 64 queries per call",
          "`fraction of limit` = `flop_fraction`: 2·N·d·64 FLOP per call over the peak FP32 FMA rate measured just "
          "before (after the slash: `flop_fraction_cpu`, per CPU-second). FAISS with nq >= 20 calls sgemm of the linked BLAS (netlib reference BLAS here, single-threaded).")
    table("ExactFiltered", lambda m: True, "Filtered exact top-10 (random admission), one query per call",
          "Ours: the filter bitmap inside the scan (`admitted_bw_fraction`: bytes of admitted rows / bandwidth). "
          "FAISS: `SearchParameters` with an `IDSelectorBitmap` over the same bitmap.")

    # SIMD levels.
    simd = sorted((k, i, r) for k, impls in workloads.items() for i, r in impls.items() if i.startswith("skillmatch-simd"))
    if simd:
        md.append("## Our single-query scan per SIMD level\n")
        md.append("| workload | level | ms | bw_fraction |")
        md.append("|---|---|---:|---:|")
        for k, i, r in simd:
            md.append(f"| {workload_label(k)} | {i.split(':', 1)[1]} | {fmt(r['ms'])} | {fmt(r.get('bw_fraction'))} |")
        md.append("")

    approx = sorted((k, i, r) for k, impls in workloads.items() for i, r in impls.items() if k[0] == "Approx")
    if approx:
        md.append("## Approximate: hnswlib (header-only, compiled with our baseline flags)\n")
        md.append("| workload | index | ms/query | recall_at_10 | speedup vs our exact scan | build s (threads) |")
        md.append("|---|---|---:|---:|---:|---:|")
        for k, i, r in approx:
            md.append(f"| {workload_label(k)} | {i} | {fmt(r['ms'])} | {fmt(r.get('recall_at_10'))} | "
                      f"{fmt(r.get('speedup_vs_skillmatch_exact'))} | {fmt(r.get('build_s'))} ({int(r.get('build_threads', 0))}) |")
        md.append("")

    rest = {n: r for n, r in other.items() if not n.startswith(("BM_MemoryBandwidth", "BM_PeakFma"))}
    if rest:
        md.append("## Other rows in the run (end-to-end match, resolver, ...)\n")
        md.append("| benchmark | ms | counters |")
        md.append("|---|---:|---|")
        skip = {"ms", "real_time", "cpu_time", "iterations", "repetitions", "repetition_index", "threads",
                "family_index", "per_family_instance_index", "time_unit"}
        for n, r in sorted(rest.items()):
            cs = ", ".join(f"{k}={fmt(float(v))}" for k, v in sorted(r.items()) if k not in skip)
            md.append(f"| `{n}` | {fmt(r['ms'])} | {cs} |")
        md.append("")

    # Charts.
    speed_items, limit_items = [], []
    for k in sorted(workloads):
        impls = workloads[k]
        for i, r in impls.items():
            if i.startswith("faiss") and r.get("speedup_vs_faiss"):
                speed_items.append((f"{k[0]} {workload_label(k)}", r["speedup_vs_faiss"],
                                    "#2b7bba" if k[1] == "single" else "#e08214"))
        ours = impls.get("skillmatch")
        if ours and k[0] == "Exact":
            if "bw_fraction" in ours:
                limit_items.append((f"{workload_label(k)} (bw)", ours["bw_fraction"], "#1b9e77"))
            elif "flop_fraction" in ours:
                limit_items.append((f"{workload_label(k)} (flop)", ours["flop_fraction"], "#7570b3"))
    if speed_items:
        with open(args.svg, "w", encoding="utf-8") as f:
            f.write(svg_bars("skillmatch speedup over FAISS IndexFlatIP (Debian build: no AVX, netlib BLAS)",
                             speed_items, "speedup_vs_faiss (FAISS time / skillmatch time, log scale; dashed = 1)",
                             log=True, ref=1.0))
        md.append(f"## Charts\n\n![speedup over FAISS]({os.path.basename(args.svg)})\n")
    if limit_items:
        with open(args.svg_limits, "w", encoding="utf-8") as f:
            f.write(svg_bars("skillmatch exact search: fraction of the machine's limit reached",
                             limit_items, "bw_fraction (single query) / flop_fraction (batch-64); dashed = 1",
                             ref=1.0))
        md.append(f"![fraction of machine limits]({os.path.basename(args.svg_limits)})\n")

    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(md) + "\n")
    print(f"wrote {args.out}, {args.svg}, {args.svg_limits}", file=sys.stderr)


if __name__ == "__main__":
    main()
