"""Who sees the workflow pages: the checks the main window makes before it lists 审核 and 公示与评议.

Apart from the pages themselves, so listing a page does not import it (the window builds a page when it is
first shown). The services check every permission again whatever the window shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fieldapp.domain import workflow as rules
from fieldapp.services.workflow import deliberation, notices, objections

if TYPE_CHECKING:
    from fieldapp.services.context import AppContext

#: what the 公示与评议 page is for: recording meetings, issuing notices, recording and handling objections
NOTICE_PERMISSIONS = (deliberation.PERMISSION, notices.PERMISSION, objections.RECORD, objections.HANDLE)


def may_decide(ctx: AppContext) -> bool:
    """Whether the signed-in account decides any step (the 审核 page is shown to it)."""
    return ctx.session is not None and any(ctx.allows(rules.decide_permission(r)) for r in rules.DECIDING_ROLES)


def may_use_notices(ctx: AppContext) -> bool:
    """Whether the signed-in account records meetings, issues notices or records/handles objections."""
    return ctx.session is not None and any(ctx.allows(p) for p in NOTICE_PERMISSIONS)
