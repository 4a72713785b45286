"""The room's live page: over HTTP, and in Debian's Chromium driven by Playwright."""
