// Smoke test placeholder (replaced below).
import Testing
