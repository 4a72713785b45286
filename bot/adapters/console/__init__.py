"""The terminal console: the embedded default, the demo, and the harness for golden transcripts."""
