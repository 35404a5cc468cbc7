"""The leaders' figures (三率, funds against targets) and their reports (月调度, 季通报)."""
