"""``python -m helsefellesskap``."""

import sys

from .cli import main

sys.exit(main())
