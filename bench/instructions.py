"""The glossary's share of the HTML build, counted in CPU instructions.

Wall-clock times on a shared machine drift by 15% or more from minute to
minute, which is larger than the share being measured. Instructions counted
by valgrind (callgrind) do not drift: the same build gives the same count to
within a fraction of a per cent. Each build runs about 50 times slower, so
this takes about 15 minutes for 400 pages; builds run two at a time.

    .venv/bin/python bench/instructions.py --size 400

Prints instructions for the plugin with no glossary, with a one-term glossary
(the glossary pages are all there, almost nothing is matched) and with the
corpus's 500-term glossary, and the glossary's share of the build split into
its pages and its matching and linking.
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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate
from run import OUT, PLUGIN, write_config

HTML = {**PLUGIN, "pdf": {"enabled": False}}
CONFIGS = {
    "no glossary": {**HTML, "glossary_file": "none.yml"},
    "one-term glossary": {**HTML, "glossary_file": "glossary-one-term.yml"},
    "500-term glossary": HTML,
}


def instructions(config: Path, site: Path) -> int:
    """Instructions executed by ``mkdocs build`` of ``config``, all processes included."""
    shutil.rmtree(site, ignore_errors=True)
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "callgrind.out"
        command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, "-m", "mkdocs", "build",
                   "-q", "-f", str(config), "-d", str(site)]
        process = subprocess.run(command, cwd=config.parent, capture_output=True, text=True, check=False,
                                 env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        if process.returncode != 0:
            raise SystemExit(f"build failed: {config}\n{process.stderr[-3000:]}")
        return int(re.search(r"^totals: (\d+)", out.read_text(), re.MULTILINE).group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=400)
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is needed: apt-get install valgrind")
    root = generate(OUT / f"corpus-{args.size}", args.size)
    configs = {name: write_config(root, f"ir-{index}", plugin) for index, (name, plugin) in enumerate(CONFIGS.items())}
    with ThreadPoolExecutor(max_workers=2) as pool:
        counts = dict(zip(configs, pool.map(lambda item: instructions(item[1], root / f"site-ir-{item[0]}".replace(" ", "-")),
                                            configs.items())))
    none, one, full = counts.values()
    for name, count in counts.items():
        print(f"{name:>18}: {count / 1e9:6.2f} G instructions")
    print(f"glossary share, all of it:               {(full - none) / none:+.1%}")
    print(f"  its pages (one-term glossary vs none):  {(one - none) / none:+.1%}")
    print(f"  matching and linking 500 terms:         {(full - one) / none:+.1%}")


if __name__ == "__main__":
    main()
