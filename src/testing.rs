//! Helpers for the property tests beside each parser: inputs that are
//! arbitrary, yet made of the format's own pieces often enough to get past
//! its first check.

use proptest::prelude::*;

/// Text built from `pieces` of the format mixed with arbitrary characters.
pub(crate) fn text_from(pieces: &'static [&'static str]) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(pieces).prop_map(str::to_string),
        1 => prop::collection::vec(any::<char>(), 0..6).prop_map(|chars| chars.into_iter().collect()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|parts| parts.concat())
}

/// Cases per property: enough to find the shallow panics, few enough that
/// the whole test run stays quick.
pub(crate) fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}
