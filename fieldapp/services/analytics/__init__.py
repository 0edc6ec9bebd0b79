"""The district's analytic extract: a de-identified SQLite file of counts per village (:mod:`.extract`)."""
