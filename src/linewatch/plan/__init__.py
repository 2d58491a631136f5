"""Disruption planning: which nodes to remove so a network falls apart (critical node problem).

Entry points: `planner.plan`, `compare.compare_strategies`, `problem.Problem`.
"""
