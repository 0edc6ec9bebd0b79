"""The 资金公示 tab of the 公示与评议 page: disclosure notices of projects and of a village's year.

A leader issues a notice (its figures read from the project ledger and signed), prints it, records its
posting and the objections to it, and handles them; each notice shows whether the ledger still agrees.
"""
