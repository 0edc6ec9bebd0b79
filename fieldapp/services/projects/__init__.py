"""Projects (帮扶项目) and their money: create and edit with every consistency check before saving
(:mod:`.service`), the reads the front ends show (:mod:`.records`) and what each household received from
which project and channel, per year (:mod:`.received`), and the project library imported from a spreadsheet
(:mod:`.importing`, its sheets :mod:`.import_sheets`). The rules are :mod:`fieldapp.domain.projects`."""
