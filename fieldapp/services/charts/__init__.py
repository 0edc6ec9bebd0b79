"""挂图作战: the four wall charts of a scope — figures (:mod:`.figures`), reportlab drawings
(:mod:`.drawings`), the A3/A1 posters (:mod:`.posters`) and the village map (:mod:`.geomap`)."""
