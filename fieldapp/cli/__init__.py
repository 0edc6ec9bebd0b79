"""The ``fieldapp`` command line. With no command it starts the desktop app."""
