"""The plugin's HTML build against bare MkDocs + Material, and the glossary's share, counted in CPU instructions.

Wall-clock times on a shared machine drift by 15% or more from minute to
minute, which is larger than the share being measured. Instructions counted
by valgrind (callgrind) do not drift: the same build gives the same count to
within a fraction of a per cent. Each build runs about 50 times slower, so
this takes about 30 minutes for 400 pages (6 builds, two at a time; 20 with
--no-glossary-share).

    .venv/bin/python bench/instructions.py --size 400

Every build has Material's navigation.prune. Each is counted after one build that is not
counted, as bench/run.py keeps the fastest of three: the count is that of a rebuild, which finds
the templates the plugin compiled before (in .cache/easyread/templates). Prints instructions for bare
MkDocs + Material and for the plugin (PDFs off) on plain pages (no
publications, glossary, easy read, outcomes or charts) and on the realistic
corpus (bench/generate.py), and the two ratios issue 21 names: plain pages,
plugin / bare; realistic corpus, instructions per built page, plugin / bare
(the plugin builds more pages: glossary, progress and easy-read pages).
Then the plugin with no glossary and with a one-term glossary (the glossary
pages are all there, almost nothing is matched), and the glossary's share of
the build split into its pages and its matching and linking.

    .venv/bin/python bench/instructions.py --size 100 --rebuild

counts an unchanged rebuild with PDFs and Braille-ready files on (every one of them already in the
cache) against the HTML-only build, issue 21's last ratio (about 10 minutes at 100 pages).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate, generate_plain
from run import OUT, PLUGIN, build_environment, write_config

PRUNE = ["navigation.prune"]
HTML = {**PLUGIN, "pdf": {"enabled": False}}
# name: (corpus, plugin options or None for bare MkDocs + Material); every build with navigation.prune.
CONFIGS = {
    "plain, bare": ("plain", None),
    "plain, plugin": ("plain", HTML),
    "realistic, bare": ("realistic", None),
    "realistic, plugin": ("realistic", HTML),
    "no glossary": ("realistic", {**HTML, "glossary_file": "none.yml"}),
    "one-term glossary": ("realistic", {**HTML, "glossary_file": "glossary-one-term.yml"}),
    # Its counted build is an unchanged rebuild: the uncounted one before it made every PDF and Braille-ready file.
    "rebuild with PDFs": ("realistic", {**PLUGIN, "pdf": {"enabled": True, "cache_dir": ".cache-ir-pdf"}}),
}
REBUILD = ["realistic, plugin", "rebuild with PDFs"]


@dataclass
class Count:
    instructions: int
    html_pages: int


def instructions(config: Path, site: Path) -> Count:
    """Instructions executed by ``mkdocs build`` of ``config`` (HTML only: one process), and the pages it wrote."""
    build = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    run(build)  # not counted: as in bench/run.py's fastest of three, the counted build finds what earlier ones kept
    shutil.rmtree(site, ignore_errors=True)
    with tempfile.TemporaryDirectory() as scratch:
        # Every process the build starts is counted, each in its own file (an unchanged rebuild should start none).
        run(["valgrind", "--tool=callgrind", "--trace-children=yes", f"--callgrind-out-file={scratch}/callgrind.%p", *build])
        total = sum(int(re.search(r"^totals: (\d+)", out.read_text(), re.MULTILINE).group(1))
                    for out in Path(scratch).glob("callgrind.*"))
    return Count(total, sum(1 for _ in site.rglob("*.html")))


def run(command: list[str]) -> None:
    config = Path(command[command.index("-f") + 1])
    process = subprocess.run(command, cwd=config.parent, capture_output=True, text=True, check=False,
                             env=build_environment())
    if process.returncode != 0:
        raise SystemExit(f"build failed: {config}\n{process.stderr[-3000:]}")


def count_all(size: int, names: list[str], out: Path) -> dict[str, Count]:
    roots = {"realistic": generate(out / f"corpus-{size}", size), "plain": generate_plain(out / f"plain-{size}", size)}
    jobs = {}
    for index, name in enumerate(names):
        corpus, plugin = CONFIGS[name]
        root = roots[corpus]
        jobs[name] = (write_config(root, f"ir-{index}", plugin, PRUNE), root / f"site-ir-{index}")
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(jobs, pool.map(lambda job: instructions(*job), jobs.values())))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=400)
    parser.add_argument("--out", type=Path, default=OUT, help="where the corpora and sites are written")
    parser.add_argument("--no-glossary-share", action="store_true", help="only the two ratios (four builds instead of six)")
    parser.add_argument("--only", nargs="+", choices=list(CONFIGS), help="count only these builds (no ratios unless all four are in)")
    parser.add_argument("--rebuild", action="store_true",
                        help="only an unchanged rebuild with PDFs on against the HTML-only build (issue 21: at most 1.05)")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is needed: apt-get install valgrind")
    names = REBUILD if args.rebuild else args.only or list(CONFIGS)[:4 if args.no_glossary_share else 6]
    counts = count_all(args.size, names, args.out)
    for name, count in counts.items():
        print(f"{name:>18}: {count.instructions / 1e9:6.3f} G instructions, {count.html_pages} pages")
    if all(name in counts for name in REBUILD):
        html, rebuild = (counts[name].instructions for name in REBUILD)
        print(f"unchanged rebuild with PDFs / HTML-only:   {rebuild / html:.3f}")
    if not all(name in counts for name in list(CONFIGS)[:4]):
        return
    plain_bare, plain, bare, full = (counts[name] for name in list(CONFIGS)[:4])
    print(f"plain pages, plugin / bare:                {plain.instructions / plain_bare.instructions:.3f}")
    per_page = (full.instructions / full.html_pages) / (bare.instructions / bare.html_pages)
    print(f"realistic corpus, per built page, plugin / bare: {per_page:.3f}")
    if "no glossary" in counts:
        none, one = counts["no glossary"].instructions, counts["one-term glossary"].instructions
        print(f"glossary share, all of it:               {(full.instructions - none) / none:+.1%}")
        print(f"  its pages (one-term glossary vs none):  {(one - none) / none:+.1%}")
        print(f"  matching and linking 500 terms:         {(full.instructions - one) / none:+.1%}")


if __name__ == "__main__":
    main()
