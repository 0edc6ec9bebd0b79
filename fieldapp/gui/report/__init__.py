"""Page 汇总上报: weekly and monthly summaries, the villages' standing and the roll-up."""
