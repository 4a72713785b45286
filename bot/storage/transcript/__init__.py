"""The transcript: every command and channel post, in order."""
