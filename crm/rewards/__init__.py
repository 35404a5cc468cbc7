"""Introducer rewards (引荐奖励): policies, the calculation, settlement, statements."""
