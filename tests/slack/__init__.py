"""A local fake of Slack and signed-request helpers for end-to-end tests of the Slack adapter."""
