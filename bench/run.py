"""Benchmark: the plugin against bare MkDocs + Material on the same content, in one run.

Prints, for each corpus size: HTML build ratio (plugin, PDFs off / bare), and against bare
with Material's navigation.prune (every plugin build here has it too) per built page and on
a corpus of plain pages (bench/generate.py's generate_plain);
the glossary's share, and the part of it that matching and linking 500 terms
takes (against a one-term glossary, which has the same glossary pages);
tagged PDF pages per second of extra build time; braille pages per second and
what the Braille-ready files add to a build with PDFs; the unchanged-rebuild ratio
with PDFs on; peak RSS, of the largest process and of the whole process tree (the
build and its PDF workers); and site size per page.

    .venv/bin/python bench/run.py --sizes 100 400 800 [--repeat 3]

This machine's speed drifts by 15% or more from minute to minute, so each HTML
build runs several times, in turns, and the fastest of each is compared; the
builds with PDFs (from an empty PDF cache, then unchanged) as well, in turns with
the HTML-only build.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate, generate_plain

OUT = Path(__file__).parent / "out"
PLUGIN = {"organisation": "Bench Council", "alternative_formats": {"phone": "0100 000 000", "email": "a@example.gov.uk"}}
# Issue 21 compares builds that both have Material's navigation.prune (the plugin turns it on by itself
# from 150 pages; below that, a comparison with a pruned bare build would weigh the navigation, not the plugin).
PRUNE = ["navigation.prune"]
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def build_environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment every measured build runs in.

    Python writes its compiled bytecode, as an installed package has it: with
    PYTHONDONTWRITEBYTECODE set (as in some shells and CI), an editable install
    would compile every module changed since its last bytecode on every build,
    a cost no council's build pays.
    """
    environment = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    return {**environment, "NO_MKDOCS_2_WARNING": "1", **(extra or {})}


@dataclass
class Run:
    seconds: float
    peak_rss_mb: float  # the largest single process (the build or one of its workers)
    tree_peak_mb: float  # the build and its workers together, sampled
    site_bytes: int
    html_pages: int
    log: str


def write_config(root: Path, name: str, plugin: dict | None, features: list[str] | None = None) -> Path:
    config = {"site_name": "Bench", "docs_dir": "content", "theme": {"name": "material", "features": features or []}, "plugins": ["search"]}
    if plugin is not None:
        config["plugins"].append({"easyread": plugin})
    path = root / f"{name}.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def build(config: Path, site: Path, env: dict[str, str] | None = None) -> Run:
    if site.exists():
        shutil.rmtree(site)
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=config.parent, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env=build_environment(env))
    memory = TreeMemory(process.pid)
    memory.start()
    output = process.stdout.read()
    memory.stop()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build failed: {config}\n{output[-3000:]}")
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    pages = sum(1 for _ in site.rglob("*.html"))
    return Run(seconds, usage.ru_maxrss / 1024, memory.peak / 2**20, size, pages, output)


class TreeMemory(threading.Thread):
    """The largest resident memory of a process and its descendants together, sampled every 0.1 s until it
    closes its output (ru_maxrss tells only the largest single process; the PDF workers run beside the build).
    Pages the processes share count once for each of them: the figure is an upper bound."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self._stopped = pid, 0, threading.Event()

    def run(self) -> None:
        while not self._stopped.wait(0.1):
            self.peak = max(self.peak, tree_rss(self.pid))

    def stop(self) -> None:
        self._stopped.set()
        self.join()


def tree_rss(pid: int) -> int:
    """Bytes resident in the process `pid` and all its descendants now."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            total += int(Path(f"/proc/{current}/statm").read_text().split()[1]) * PAGE_SIZE
            for children in Path(f"/proc/{current}/task").glob("*/children"):
                pending += map(int, children.read_text().split())
        except (OSError, ValueError, IndexError):
            continue  # it ended meanwhile
    return total


def pdf_pages(site: Path) -> int:
    import pikepdf

    total = 0
    for path in site.rglob("*.pdf"):
        with pikepdf.open(path) as pdf:
            total += len(pdf.pages)
    return total


def braille_pages(site: Path) -> int:
    """Braille pages of every .brf: pages are separated by form feeds."""
    return sum(path.read_bytes().rstrip(b"\f").count(b"\f") + 1 for path in site.rglob("*.brf"))


def fastest(configs: dict[str, tuple[Path, Path]], repeat: int) -> dict[str, Run]:
    """Each HTML build ``repeat`` times, in turns so that a slow spell on the machine hits every
    configuration alike; the fastest run of each is kept (the others only add noise)."""
    best: dict[str, Run] = {}
    for _ in range(repeat):
        for name, (config, site) in configs.items():
            run = build(config, site)
            best[name] = faster(best.get(name), run)
    return best


def faster(best: Run | None, run: Run) -> Run:
    return run if best is None or run.seconds < best.seconds else best


def measure(size: int, repeat: int) -> dict[str, float]:
    root = generate(OUT / f"corpus-{size}", size)
    plain = generate_plain(OUT / f"plain-{size}", size)
    runs = fastest({
        "bare": (write_config(root, "bare", None), root / "site-bare"),
        "pruned": (write_config(root, "bare-prune", None, PRUNE), root / "site-bare-prune"),
        "html": (write_config(root, "html", {**PLUGIN, "pdf": {"enabled": False}}, PRUNE), root / "site-html"),
        "no glossary": (write_config(root, "noglossary", {**PLUGIN, "glossary_file": "none.yml", "pdf": {"enabled": False}}, PRUNE),
                        root / "site-ng"),
        "one term": (write_config(root, "oneterm", {**PLUGIN, "glossary_file": "glossary-one-term.yml", "pdf": {"enabled": False}}, PRUNE),
                     root / "site-one-term"),
        "plain bare": (write_config(plain, "bare-prune", None, PRUNE), plain / "site-bare-prune"),
        "plain html": (write_config(plain, "html", {**PLUGIN, "pdf": {"enabled": False}}, PRUNE), plain / "site-html"),
    }, repeat)
    bare, pruned, html, no_glossary, one_term = (runs[name] for name in ("bare", "pruned", "html", "no glossary", "one term"))
    cache = root / ".cache" / "easyread"  # the option's default, where the HTML builds keep theirs too
    # No PDF in the cache, but what the HTML builds keep there (compiled templates, hyphenation patterns).
    kept = OUT / "kept"
    shutil.rmtree(kept, ignore_errors=True)
    shutil.copytree(cache, kept, ignore=lambda folder, names: [n for n in names if "." in n and folder == str(cache)])
    pdf_config = write_config(root, "pdf", {**PLUGIN, "pdf": {"enabled": True}}, PRUNE)
    # Builds with PDFs as the HTML builds are measured: in turns with the HTML-only build, the fastest of each
    # (a build from an empty PDF cache, then an unchanged one). All three find the same compiled templates.
    html_beside, cold, warm, peak_rss, tree_peak = None, None, None, 0.0, 0.0
    for _ in range(repeat):
        shutil.rmtree(cache, ignore_errors=True)
        shutil.copytree(kept, cache)
        html_beside = faster(html_beside, build(root / "html.yml", root / "site-html"))
        cold = faster(cold, build(pdf_config, root / "site-pdf"))
        warm = faster(warm, build(pdf_config, root / "site-pdf"))
        peak_rss = max(peak_rss, cold.peak_rss_mb, warm.peak_rss_mb)
        tree_peak = max(tree_peak, cold.tree_peak_mb, warm.tree_peak_mb)
    pages = pdf_pages(root / "site-pdf")
    extra = max(cold.seconds - html_beside.seconds, 1e-6)
    shutil.rmtree(root / ".cache-no-braille", ignore_errors=True)
    shutil.copytree(kept, root / ".cache-no-braille")
    no_braille = build(write_config(root, "pdf-no-braille", {**PLUGIN, "pdf": {"enabled": True, "cache_dir": ".cache-no-braille"},
                                                              "braille": {"enabled": False}}, PRUNE), root / "site-pdf-no-braille")
    braille = braille_pages(root / "site-pdf")
    return {
        "pages": size,
        "bare s": bare.seconds,
        "plugin s": html.seconds,
        "bare+prune s": pruned.seconds,
        "html ratio": html.seconds / bare.seconds,
        "html ratio vs pruned": html.seconds / pruned.seconds,
        "pages built bare/plugin": f"{bare.html_pages}/{html.html_pages}",
        "per-page ratio vs pruned": (html.seconds / html.html_pages) / (pruned.seconds / pruned.html_pages),
        "plain pages ratio vs pruned": runs["plain html"].seconds / runs["plain bare"].seconds,
        "glossary share": (html.seconds - no_glossary.seconds) / no_glossary.seconds,
        "glossary matching share": (html.seconds - one_term.seconds) / no_glossary.seconds,
        "pdf pages": pages,
        "pdf pages/s": pages / extra,
        "braille pages": braille,
        # Braille-ready files are made by the same workers, after the PDFs: within the drift, they add nothing.
        "braille pages/s": braille / (cold.seconds - no_braille.seconds) if cold.seconds > no_braille.seconds else float("inf"),
        "braille share of a build with pdfs": cold.seconds / no_braille.seconds - 1,
        "rebuild ratio": warm.seconds / html_beside.seconds,
        "peak RSS MB (pdf)": peak_rss,
        "peak RSS MB, process tree (pdf)": tree_peak,
        "KB/page bare": bare.site_bytes / bare.html_pages / 1024,
        "KB/page plugin": html.site_bytes / html.html_pages / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 400, 800])
    parser.add_argument("--repeat", type=int, default=3, help="builds per configuration; the fastest is kept")
    args = parser.parse_args()
    rows = [measure(size, args.repeat) for size in args.sizes]
    keys = list(rows[0])
    print("| " + " | ".join(keys) + " |")
    print("|" + "---|" * len(keys))
    for row in rows:
        print("| " + " | ".join(f"{row[k]:.2f}" if isinstance(row[k], float) else str(row[k]) for k in keys) + " |", flush=True)
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        growth = (last["plugin s"] / first["plugin s"]) / (last["pages"] / first["pages"])
        print(f"\nbuild time growth from {first['pages']} to {last['pages']} pages, relative to linear: {growth:.2f}")


if __name__ == "__main__":
    main()
