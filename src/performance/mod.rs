//! 绩效: performance indicators, scoring and self-evaluation forms.
//!
//! (Being built: see issue 5.)
