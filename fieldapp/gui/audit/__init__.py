"""Audit in the GUI: 帮助 → 校验修改记录（防篡改）… checks every hash chain of the register, shows where it breaks."""
