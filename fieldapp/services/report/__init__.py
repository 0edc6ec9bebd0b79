"""汇总上报: weekly summaries and monthly updates of a village (``figures``, ``service``), their roll-up per
town and district from the stored summaries (``rollup``) and their printed forms (``printing``)."""
