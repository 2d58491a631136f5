"""The shared offence catalogue: codes, plain words, Home Office codes and harm-weight slots."""

from linewatch.offences.catalogue import Offence, Phrase, all_offences, lookup, phrases

__all__ = ["Offence", "Phrase", "all_offences", "lookup", "phrases"]
