"""Frozen entry point of ``fieldapp`` (the desktop app and its commands); see build/fieldapp.spec."""

import multiprocessing
import sys

from fieldapp.launch import main

if __name__ == "__main__":
    # print jobs draw door cards in a child process (services/printing/apart.py): a frozen executable started
    # as that child must run the child's work, not the app
    multiprocessing.freeze_support()
    sys.exit(main())
