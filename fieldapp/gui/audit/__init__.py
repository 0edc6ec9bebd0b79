"""The audit capability in the GUI: 帮助 → 校验修改记录（防篡改）… checks every hash chain of the register;
the 打印 page's 责任倒查 documents (:mod:`.forms`)."""
