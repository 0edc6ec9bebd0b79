"""挂图作战 page: the four charts of a village, a town or the district, a click lists the households."""
