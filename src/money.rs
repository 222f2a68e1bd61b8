//! (Being built: see issue 2.)
