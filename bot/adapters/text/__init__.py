"""Plain-text rendering of views, shared by every platform; time formatting is the one platform-specific part."""
