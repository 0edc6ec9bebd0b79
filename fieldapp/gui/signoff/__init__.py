"""Sign-off (签字背书) in the GUI: the status line and button of a record (:mod:`.bar`) and the dialog that
shows what changed since a record was signed (:mod:`.diff_dialog`)."""
