//! One module per command.

pub mod score;
pub mod synth;
