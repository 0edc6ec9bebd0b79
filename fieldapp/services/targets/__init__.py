"""挂图作战 data: annual targets and a village's yearly record, with the incidence computed from the register.

The API other capabilities (the charts) read through, each taking the database handle:

- :func:`records.targets_of` ``(db, area_ids=None, year=None) -> list[TargetRecord]`` (kinds of ``target_kind``
  and ``industry_<code>``); :func:`records.read_targets` the same in the caller's connection
- :func:`records.village_years` ``(db, ref, village_ids=None, year=None) -> list[VillageYearRecord]``;
  :func:`records.read_village_years` the same in the caller's connection
- :func:`incidence.incidence` ``(db, area_id, year) -> Incidence`` (a village, a town or the district)
- :func:`incidence.village_exit` ``(db, ref, village_id, year) -> VillageExitView`` (record, incidence, judgement)
- :func:`standing.poor_in_year` ``(conn, ref, village_ids, year)``: who counts as poor (exited or not:
  :func:`fieldapp.services.workflow.standing.exit_state`)
- :func:`areas.area_tree` ``(db) -> AreaTree`` (levels, names, villages under an area)

Writes go through ``ctx.writer`` with the permissions of the table (``village.edit``, ``targets.edit``):
:func:`records.save_village_year`, :func:`records.set_target`, :func:`records.delete_target`,
:func:`importing.apply`. Spreadsheets: :mod:`importing` (.xlsx read with python-calamine) and
:mod:`template` (written with openpyxl).
"""
