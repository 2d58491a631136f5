"""Entity resolution: one person per real person across every source, and who uses which phone."""
