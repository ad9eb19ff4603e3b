"""``python -m falc`` runs the command line."""

import sys

from falc.cli import main

sys.exit(main())
