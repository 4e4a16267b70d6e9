"""smcoach: a command-line coach for the self-management method."""

__version__ = "0.1.0"
