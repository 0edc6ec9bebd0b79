"""Frozen entry point of ``fieldapp`` (the desktop app and its commands); see build/fieldapp.spec."""

import sys

from fieldapp.launch import main

if __name__ == "__main__":
    sys.exit(main())
