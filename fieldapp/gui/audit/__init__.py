"""The audit capability in the GUI: tracing responsibility back (责任倒查) on the 打印 page."""
