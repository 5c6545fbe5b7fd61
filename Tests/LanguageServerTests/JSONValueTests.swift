// JSON values: encoding and parsing.
import Testing
