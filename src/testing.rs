//! Helpers for the property tests beside each parser: inputs that are
//! arbitrary, yet made of the format's own pieces often enough to get past
//! its first check.

use proptest::prelude::*;

/// JSON's punctuation, to mix with a JSON format's own keys and values.
const JSON_PUNCTUATION: &[&str] = &["{", "}", "[", "]", ",", ":"];

/// Text built from `pieces` of the format mixed with arbitrary characters.
pub(crate) fn text_from(pieces: &'static [&'static str]) -> impl Strategy<Value = String> {
    from_pieces(pieces.to_vec())
}

/// Like `text_from` for a JSON format: its `pieces` and JSON's punctuation.
pub(crate) fn json_from(pieces: &'static [&'static str]) -> impl Strategy<Value = String> {
    from_pieces([JSON_PUNCTUATION, pieces].concat())
}

fn from_pieces(pieces: Vec<&'static str>) -> impl Strategy<Value = String> {
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
