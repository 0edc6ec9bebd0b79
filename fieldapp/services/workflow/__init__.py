"""Workflows (动态管理): identification, exit, return, monitoring and risk elimination as signed decisions.

``store`` reads workflows and their decisions, ``gate`` judges the exit standard of a household,
``service`` starts workflows and records decisions (checked, signed, in one transaction) and
``queue`` lists the households waiting for the signed-in account. The rules are
:mod:`fieldapp.domain.workflow`.
"""
