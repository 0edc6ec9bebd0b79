"""The printing GUI: the 打印 page, print jobs off the GUI thread, the preview, the door-plate settings.

- :mod:`.print_page` — the 打印 page (:class:`PrintPage`) with one form per document (:mod:`.forms`,
  :mod:`.list_forms`);
- :mod:`.jobs` — print requests and :class:`~.jobs.PrintJob` (progress, cancel, temporary PDF);
- :mod:`.preview` — the preview dialog (pages via PDFium, 打印…, 另存为…);
- :mod:`.pdfdoc` — PDFium rendering and printing a PDF on a QPrinter;
- :mod:`.plate_settings` — 设置 → 门牌样式…;
- :mod:`.list_actions` — 打印门牌 / 打印一户一档 on the 农户 list.

This package imports none of them itself: the 农户 list uses :mod:`.list_actions` without
loading PDFium and reportlab at start-up.
"""
