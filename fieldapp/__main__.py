"""``python -m fieldapp`` — same as the ``fieldapp`` command."""

import sys

from fieldapp.launch import main

sys.exit(main())
