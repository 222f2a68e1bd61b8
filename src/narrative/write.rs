/// Writes the narrative (stub).
pub fn render_narrative(_d: &crate::report::Disclosure) -> String { String::new() }
