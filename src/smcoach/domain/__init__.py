"""The pure domain: rules, dates and weekly logic. No I/O, no clock, no typer, rich or sqlite."""
