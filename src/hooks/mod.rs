//! Custom hooks: the keyboard and the library (storage, autosave, other tabs).

pub mod use_keyboard;
pub mod use_library;

pub use use_keyboard::use_keyboard;
pub use use_library::{Ctx, use_library};
