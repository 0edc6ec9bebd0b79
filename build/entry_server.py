"""Frozen entry point of ``fieldapp-server`` (the district server); see build/fieldapp.spec."""

import sys

from fieldapp.server.main import main

if __name__ == "__main__":
    sys.exit(main())
