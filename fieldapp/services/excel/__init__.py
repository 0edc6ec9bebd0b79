"""Excel in and out: import the register from the national system's spreadsheets,
export it in the same layout, cross-check department lists, export ledgers to .xlsx.

- :mod:`.layout`: the national-system column layout and the header synonyms that map columns to fields;
- :mod:`.read`: streaming reader for .xlsx (openpyxl read-only) and .csv, refusing what is not a spreadsheet;
- :mod:`.clean`: messy cell values made canonical when that is safe, reported otherwise;
- :mod:`.fragments`: the first pass, rows grouped into households (spilled to a temporary file);
- :mod:`.households`: one household decided against the register (create, update, unchanged, rejected);
- :mod:`.plan`: the dry run (created / updated / unchanged / rejected, with row and reason);
- :mod:`.apply`: the plan written in one transaction through the one write path;
- :mod:`.rejects`: the rejected rows as a workbook to fix and re-import;
- :mod:`.export`: households and members to .xlsx in the import layout (a round trip is a no-op);
- :mod:`.crosscheck` and :mod:`.report`: 低保 / 特困 / 残疾人 / 医保 lists against the register,
  the report to .xlsx and PDF;
- :mod:`.ledgers`: the ledgers of the visits and printing issues to .xlsx.

openpyxl is imported on first use only (start-up time).
"""
