"""The 资产台账 page (assets made by accepted projects, their income, distribution and signed changes), its
dialogs, and the household editor's read-only 资产收益 tab."""
