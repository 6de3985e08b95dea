//! The nightly guarantees under hostile and unlucky input: nothing lost, nothing hung, nobody
//! renumbered. Each module runs the real binary on small real files in a temp folder.

mod output_state;
mod rows;
mod values;
mod workbooks;
