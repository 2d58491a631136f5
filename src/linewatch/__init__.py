"""linewatch: county lines network analysis and safeguarding."""

__version__ = "0.1.0"
