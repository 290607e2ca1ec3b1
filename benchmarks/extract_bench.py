"""Extraction benchmark: throughput, memory and time per seed document, beside the time to read.

Builds a corpus in a temporary folder — demo documents with varied figures, plus the seed
documents with their figures varied at run time (never written into the repository) — then
reads every file (the baseline) and extracts every file, one document at a time.

    .venv/bin/python benchmarks/extract_bench.py            # about 20 MB of text
    .venv/bin/python benchmarks/extract_bench.py --quick    # about 2 MB, a few seconds
"""
from __future__ import annotations

import argparse
import gc
import random
import re
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from parkgov.demo.generator import generate_park  # noqa: E402
from parkgov.demo.names import DEMO_PARKS, random_profile  # noqa: E402
from parkgov.demo.render import to_text, write_documents  # noqa: E402

DEFAULT_SEEDS = ROOT.parent / "shared" / "seeds"
GOAL_MB_S = 1.0
GOAL_SEED_MS = 50.0
_FIGURE = re.compile(r"(\d+(?:\.\d+)?)(\s*)(亿元|万元|万美元|%|家次|人次|家|个|项|亩|公顷|次|人|件|公里|名)")


def vary_figures(text: str, rng: random.Random) -> str:
    """The text with every number written before a unit scaled by a random factor, decimals kept."""
    def repl(m: re.Match) -> str:
        raw = m.group(1)
        value = float(raw) * rng.uniform(0.8, 1.25)
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        number = f"{value:.{decimals}f}" if decimals else f"{max(1, round(value))}"
        return f"{number}{m.group(2)}{m.group(3)}"
    return _FIGURE.sub(repl, text)


def build_corpus(folder: Path, target_bytes: int, seeds: list[Path], seed_share: float) -> list[Path]:
    """Writes demo and varied seed documents into ``folder`` until about ``target_bytes`` of text."""
    rng = random.Random(20250101)
    paths: list[Path] = []
    size = 0
    seed_texts = [s.read_text(encoding="utf-8") for s in seeds]
    seed_budget = target_bytes * seed_share if seed_texts else 0
    copy = 0
    while seed_texts and size < seed_budget:
        for src, text in zip(seeds, seed_texts):
            path = folder / f"seedvar_{copy:04d}_{src.stem}.txt"
            varied = vary_figures(text, rng)
            path.write_text(varied, encoding="utf-8")
            paths.append(path)
            size += len(varied.encode("utf-8"))
        copy += 1
    variation = 0
    while size < target_bytes:
        profile = DEMO_PARKS[variation % 5] if variation < 5 else random_profile(rng, variation)
        park = generate_park(profile, variation=variation)
        if variation % 4:
            for doc in park.documents:
                doc.formats = tuple(f for f in doc.formats if f != "docx")
        sub = folder / f"park_{variation:04d}"
        paths.extend(write_documents(park.documents, sub))
        size += sum(len(to_text(d).encode("utf-8")) * len(d.formats) for d in park.documents)
        variation += 1
    return paths


def rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="about 2 MB of text instead of 20 MB")
    ap.add_argument("--mb", type=float, help="size of the corpus in MB of text")
    ap.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="folder of seed documents (.txt)")
    ap.add_argument("--keep", type=Path, help="write the corpus here and keep it")
    args = ap.parse_args()

    try:
        from parkgov.extract.pipeline import extract_document
        from parkgov.extract.readers import read_document
    except ImportError as exc:
        print(f"提取模块尚不完整，无法运行基准：{exc}", file=sys.stderr)
        return 2

    target = int((args.mb or (2.0 if args.quick else 20.0)) * 1_000_000)
    seeds = sorted(args.seeds.glob("*.txt")) if args.seeds.is_dir() else []
    tmp = None if args.keep else tempfile.TemporaryDirectory(prefix="parkgov-bench-")
    folder = args.keep or Path(tmp.name)
    folder.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    paths = build_corpus(folder, target, seeds, seed_share=0.2)
    print(f"语料：{len(paths)} 个文件，生成用时 {time.perf_counter() - t0:.1f} s（{folder}）")

    # Baseline: reading only.
    gc.collect()
    text_bytes = 0
    read_wall = time.perf_counter()
    read_cpu = time.process_time()
    for p in paths:
        text_bytes += len(read_document(p).text.encode("utf-8"))
    read_wall = time.perf_counter() - read_wall
    read_cpu = time.process_time() - read_cpu
    mb = text_bytes / 1_000_000

    # Extraction, streaming: each result is dropped before the next file is read.
    failures: list[str] = []
    counts = [0, 0, 0]
    rss_start = rss_mb()
    rss_tenth = None
    ext_wall = time.perf_counter()
    ext_cpu = time.process_time()
    for i, p in enumerate(paths):
        try:
            result = extract_document(read_document(p))
        except Exception as exc:  # a crash is counted and reported, the run goes on
            failures.append(f"{p.name}: {type(exc).__name__}: {exc}")
            continue
        counts[0] += len(result.indicators)
        counts[1] += len(result.tasks)
        counts[2] += len(result.projects)
        del result
        if i == len(paths) // 10:
            rss_tenth = rss_mb()
    ext_wall = time.perf_counter() - ext_wall
    ext_cpu = time.process_time() - ext_cpu
    rss_end = rss_mb()

    # Python heap peak while extracting one document (a sample).
    heap_peaks = []
    for p in paths[:: max(1, len(paths) // 30)]:
        tracemalloc.start()
        try:
            extract_document(read_document(p))
        except Exception:
            pass
        heap_peaks.append(tracemalloc.get_traced_memory()[1] / 1_000_000)
        tracemalloc.stop()

    # Time per seed document, after warm-up.
    seed_ms = {}
    for s in seeds:
        try:
            for _ in range(3):
                extract_document(read_document(s))
            walls, cpus = [], []
            for _ in range(9):
                t, c = time.perf_counter(), time.process_time()
                extract_document(read_document(s))
                walls.append((time.perf_counter() - t) * 1000)
                cpus.append((time.process_time() - c) * 1000)
            seed_ms[s.name] = (statistics.median(walls), statistics.median(cpus))
        except Exception as exc:
            failures.append(f"{s.name}: {type(exc).__name__}: {exc}")

    print(f"文本量：{mb:.2f} MB（UTF-8），{len(paths)} 个文件")
    print(f"仅读取（基线）：{read_wall:.2f} s 墙钟，{read_cpu:.2f} s CPU，{mb / read_wall:.2f} MB/s")
    print(f"读取+提取：    {ext_wall:.2f} s 墙钟，{ext_cpu:.2f} s CPU，{mb / ext_wall:.2f} MB/s"
          f"（CPU 计 {mb / ext_cpu:.2f} MB/s，单核）")
    print(f"提取/读取 用时比：{ext_wall / read_wall:.1f} 倍（CPU 计 {ext_cpu / read_cpu:.1f} 倍）；"
          f"除去读取，提取本身 {mb / max(ext_cpu - read_cpu, 1e-9):.2f} MB/s（CPU 计）")
    print(f"提取结果：指标 {counts[0]}，任务 {counts[1]}，项目 {counts[2]}；失败 {len(failures)} 个文件")
    print(f"内存峰值（RSS）：提取前 {rss_start:.0f} MB，处理 10% 后 {rss_tenth or rss_end:.0f} MB，结束 {rss_end:.0f} MB；"
          f"单文档 Python 堆峰值 中位 {statistics.median(heap_peaks):.1f} MB，最大 {max(heap_peaks):.1f} MB")
    for name, (wall_ms, cpu_ms) in seed_ms.items():
        print(f"种子文档 {name}：中位 {wall_ms:.1f} ms 墙钟，{cpu_ms:.1f} ms CPU")
    for f in failures[:5]:
        print(f"失败：{f}")
    ok_speed = mb / ext_cpu >= GOAL_MB_S
    ok_seed = bool(seed_ms) and max(cpu for _, cpu in seed_ms.values()) < GOAL_SEED_MS
    print(f"目标（按 CPU 时间，单核）：≥ {GOAL_MB_S:g} MB/s {'达到' if ok_speed else '未达到'}；"
          f"每个种子文档 < {GOAL_SEED_MS:g} ms {'达到' if ok_seed else '未达到' if seed_ms else '（无种子文档）'}"
          "（机器繁忙时墙钟时间偏长，以 CPU 时间为准）")
    if tmp:
        tmp.cleanup()
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
