"""Printed documents (PDF via reportlab): door-plate cards, household files, notices, ledgers, archives.

Services only: no Qt. Each document function takes the app context, writes one PDF
atomically (temporary file, then rename) and returns. Public documents (cards,
notices, ledgers) never carry a full ID number, member health or bank data.
"""
