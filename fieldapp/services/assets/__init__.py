"""Assets (扶贫资产) made by accepted projects: recording them, their yearly income and its distribution to
households, and their signed changes (:mod:`.service`); the ledger, an asset whole and a household's shares
(:mod:`.records`); the 资产台账 as PDF and workbook (:mod:`.ledger`). The rules are
:mod:`fieldapp.domain.assets`."""
