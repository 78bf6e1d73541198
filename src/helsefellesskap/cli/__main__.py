"""``python -m helsefellesskap.cli``."""

import sys

from . import main

sys.exit(main())
