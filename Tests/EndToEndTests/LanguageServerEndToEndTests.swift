// End-to-end tests.
import Testing
