//! Tests of the audit: summaries, escaping, highlights.
