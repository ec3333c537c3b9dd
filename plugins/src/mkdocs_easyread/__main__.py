"""`python -m mkdocs_easyread draft <publication folder>`: the same as the `easyread` command."""

import sys

from .draft.cli import main

sys.exit(main())
