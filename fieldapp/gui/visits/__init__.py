"""Visits in the GUI: the visit form, the household's 走访记录 tab model, and three pages —
工作台 (the home screen), 走访 (the cadre's 包扶纪实档案) and 考勤 (驻村考勤).

- :mod:`.visit_form` — ``VisitForm(ctx, household_id=None, visit_id=None, parent=None)``;
- :mod:`.workbench_page`, :mod:`.archive_page`, :mod:`.attendance_page` — the pages;
- :mod:`.models` — paged visit list, attendance tables; :mod:`.followups`, :mod:`.photos`,
  :mod:`.picker`, :mod:`.form_parts` — pieces of the form;
- :mod:`.events` — one signal hub so every page refreshes after a visit is saved.
"""
