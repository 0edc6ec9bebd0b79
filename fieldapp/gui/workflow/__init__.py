"""动态管理 in the GUI: the 审核 queue page, a household's workflow view, deciding and starting workflows.

``notices_page`` (公示与评议, beside 审核) records 评议 meetings, issues, prints and posts 公示/公告 made from a
workflow step and records and handles objections (``meeting_dialog``, ``notice_dialogs``,
``objection_dialogs``; ``notice_fields`` is the notice's choices, shared with the 打印 page). ``page``
is the queue of the households waiting for the signed-in account's roles (main window, for accounts
that decide steps); ``panel`` shows where one household's workflows stand (a tab of the household
editor, and a dialog opened from the queue); ``decide`` records a decision (one household or a batch
at the same step) and ``start`` opens a workflow with the exit gate's verdict shown first. Every
read goes through :mod:`fieldapp.services.workflow` on the database thread, every write is an
operation (:func:`fieldapp.gui.ops.run_op`) announced as a change of the households concerned. The
services decide who may do what; the window only hides what the account cannot do.
"""
