"""Harm scores per person, and the safeguarding queue of people who are never targets."""
