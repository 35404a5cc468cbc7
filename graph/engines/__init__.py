"""One adapter per engine; everything engine-specific stays in its adapter."""
