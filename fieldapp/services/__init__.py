"""Services over the store: the app context, setup, the register, demo data, and later sync and printing."""
