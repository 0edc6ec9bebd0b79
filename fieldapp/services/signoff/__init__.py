"""Sign-off (签字背书): per-person signing keys (:mod:`.keys`), the snapshots a person signs
(:mod:`.snapshots`), signing and the status of a sign-off (:mod:`.service`), and the district's check
of a printed verification code (:mod:`.verify`)."""
