//! Recognising names of people and organisations, and resolving pronouns to them.
//!
//! Owns: what counts as a name in running text. Must never: rely on a trained model.
