"""The 目标 page (挂图作战): a village's yearly record with its incidence and exit judgement, and the targets."""
