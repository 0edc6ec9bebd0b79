"""``python -m fieldapp`` — same as the ``fieldapp`` command."""

import sys

from fieldapp.cli.main import main

sys.exit(main())
