//! Every YAML file publik reads (the config, a site's `publik.yaml`, a
//! workflow) is parsed under bounds: a file arrives from a site's owner or a
//! `workflow import`, and a 1 MB anchor repeated by 3 000 aliases, or
//! 100 000 nested `[`, must be refused in milliseconds, not take gigabytes.
//! Errors are one line: `line N: key.path: message`.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};
use serde_saphyr::Options;
use serde_saphyr::budget::{Budget, BudgetBreach};
use std::fmt;

/// Larger than any config or workflow a site writes (the biggest shipped
/// example is a few KB); checked before parsing.
pub(crate) const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;
/// Scalar text after aliases are expanded: what bounds an alias bomb.
const MAX_SCALAR_BYTES: usize = 8 * 1024 * 1024;
const MAX_ALIASES: usize = 1_000;
const MAX_DEPTH: usize = 64;
const MAX_NODES: usize = 200_000;

/// A YAML file refused: where, which key, why; and the file's other bad
/// keys, so that a config an earlier publik took is fixed in one go.
#[derive(Debug)]
pub(crate) struct YamlError {
    line: Option<usize>,
    path: Option<String>,
    message: String,
    /// `key.path: message` of each further bad key, at most `MAX_REPORTED`.
    others: Vec<String>,
}

/// Bad keys said of one file, at most.
const MAX_REPORTED: usize = 20;

impl fmt::Display for YamlError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if let Some(line) = self.line {
            write!(f, "line {line}: ")?;
        }
        if let Some(path) = &self.path {
            write!(f, "{path}: ")?;
        }
        f.write_str(&self.message)?;
        for other in &self.others {
            write!(f, "; and {other}")?;
        }
        Ok(())
    }
}

impl std::error::Error for YamlError {}

impl YamlError {
    /// The error as said of a file: `config FILE line N: key: message`, or
    /// `config FILE: message` without a line.
    pub(crate) fn in_file(&self, kind: &str, name: &str) -> String {
        match self.line {
            Some(_) => format!("{kind} {name} {self}"),
            None => format!("{kind} {name}: {self}"),
        }
    }
}

fn options() -> Options {
    let mut budget = Budget::default();
    budget.max_reader_input_bytes = Some(MAX_FILE_BYTES);
    budget.max_total_scalar_bytes = MAX_SCALAR_BYTES;
    budget.max_aliases = MAX_ALIASES;
    budget.max_depth = MAX_DEPTH;
    budget.max_nodes = MAX_NODES;
    budget.max_documents = 1;
    let mut options = Options::default();
    options.budget = Some(budget);
    options.with_snippet = false;
    options
}

/// `text` as a `T`, within the bounds above.
pub(crate) fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(YamlError {
            line: None,
            path: None,
            message: format!(
                "{} bytes, more than the {} a YAML file may have",
                text.len(),
                MAX_FILE_BYTES
            ),
            others: Vec::new(),
        });
    }
    let mut path = None;
    let parsed = serde_saphyr::with_deserializer_from_str_with_options(text, options(), |deserializer| {
        serde_path_to_error::deserialize(deserializer).map_err(|err| {
            let at = err.path().to_string();
            path = (at != ".").then_some(at);
            err.into_inner()
        })
    });
    parsed.map_err(|err| {
        let mut message = message(&err);
        // The parser says "invalid u16" without the value; the user wants to see it.
        if message.starts_with("invalid ")
            && let Some(found) = err
                .location()
                .and_then(|at| scalar_at(text, at.line(), at.column()))
        {
            message.push_str(&format!(", found {found:?}"));
        }
        // The parser's words for a key written twice name a setting of
        // its own; said in publik's: `email.from is given twice`.
        if let Some(rest) = message.strip_prefix("duplicate mapping key: ") {
            let key = rest.split(',').next().unwrap_or(rest).trim().to_string();
            let parent = path
                .take()
                .map(|p| p.trim_end_matches('?').trim_end_matches('.').to_string());
            let full = match parent.as_deref() {
                Some(parent) if !parent.is_empty() => format!("{parent}.{key}"),
                _ => key,
            };
            message = format!("{full} is given twice");
        }
        let others = path
            .as_deref()
            .map(|first| other_bad_keys::<T>(text, first))
            .unwrap_or_default();
        YamlError {
            line: err.location().map(|at| at.line() as usize),
            path,
            message,
            others,
        }
    })
}

/// The bad keys after the first: the document read as a tree (within the
/// same bounds), the bad key taken out, read again, until it reads or
/// `MAX_REPORTED` are found. A key whose removal leaves a required one
/// missing ends the search: that is no further mistake of the file's.
fn other_bad_keys<T: DeserializeOwned>(text: &str, first: &str) -> Vec<String> {
    let Ok(mut tree) = serde_saphyr::from_str_with_options::<serde_json::Value>(text, options()) else {
        return Vec::new();
    };
    let mut others = Vec::new();
    let mut removed = first.to_string();
    while others.len() < MAX_REPORTED && remove_path(&mut tree, &removed) {
        match serde_path_to_error::deserialize::<_, T>(tree.clone()) {
            Ok(_) => break,
            Err(err) => {
                let at = err.path().to_string();
                let message = err.into_inner().to_string();
                if at == "." || at == removed || message.starts_with("missing field") {
                    break;
                }
                others.push(format!("{at}: {message}"));
                removed = at;
            }
        }
    }
    others
}

/// Takes `a.b[2].c` out of `tree`; false when it is not there.
fn remove_path(tree: &mut serde_json::Value, path: &str) -> bool {
    let mut segments: Vec<String> = Vec::new();
    for part in path.split('.') {
        let (name, indexes) = part.split_once('[').map_or((part, ""), |(n, rest)| (n, rest));
        if !name.is_empty() {
            segments.push(name.to_string());
        }
        for index in indexes.split('[') {
            let index = index.trim_end_matches(']');
            if !index.is_empty() {
                segments.push(format!("[{index}"));
            }
        }
    }
    let Some((last, parents)) = segments.split_last() else {
        return false;
    };
    let mut node = tree;
    for segment in parents {
        node = match segment.strip_prefix('[') {
            Some(index) => match index.parse::<usize>().ok().and_then(|i| node.get_mut(i)) {
                Some(next) => next,
                None => return false,
            },
            None => match node.get_mut(segment.as_str()) {
                Some(next) => next,
                None => return false,
            },
        };
    }
    match (last.strip_prefix('['), node) {
        (Some(index), serde_json::Value::Array(items)) => match index.parse::<usize>() {
            Ok(i) if i < items.len() => {
                items.remove(i);
                true
            }
            _ => false,
        },
        (None, serde_json::Value::Object(map)) => map.remove(last.as_str()).is_some(),
        _ => false,
    }
}

/// The plain or quoted scalar starting at a 1-based line and column.
fn scalar_at(text: &str, line: u64, column: u64) -> Option<String> {
    let line = text.lines().nth(usize::try_from(line).ok()?.checked_sub(1)?)?;
    let start = line
        .char_indices()
        .nth(usize::try_from(column).ok()?.checked_sub(1)?)?
        .0;
    let rest = &line[start..];
    let value = rest.split(" #").next().unwrap_or_default().trim_end();
    let value = value.trim_end_matches([',', '}', ']']);
    let value = value.trim_matches(|c| c == '"' || c == '\'');
    (!value.is_empty() && value.len() <= 80).then(|| value.to_string())
}

/// The error's own words, without the positions the parser adds to them.
fn message(err: &serde_saphyr::Error) -> String {
    let mut inner = err;
    while let serde_saphyr::Error::AliasError { error, .. } | serde_saphyr::Error::WithSnippet { error, .. } =
        inner
    {
        inner = error;
    }
    if let serde_saphyr::Error::Budget { breach, .. } = inner {
        return match breach {
            BudgetBreach::ScalarBytes { .. } => {
                format!(
                    "more than {} MB of text once aliases are expanded",
                    MAX_SCALAR_BYTES >> 20
                )
            }
            BudgetBreach::Aliases { .. } => format!("more than {MAX_ALIASES} aliases"),
            BudgetBreach::Depth { .. } => format!("nested deeper than {MAX_DEPTH} levels"),
            BudgetBreach::Nodes { .. } => format!("more than {MAX_NODES} values"),
            other => format!("over a YAML limit ({other:?})"),
        };
    }
    let text = inner.to_string();
    let text = text.split(" (defined at line ").next().unwrap_or_default();
    match text.rfind(" at line ") {
        Some(at) if text[at..].contains(", column ") => text[..at].to_string(),
        _ => text.to_string(),
    }
}

/// A section written `key:` with nothing under it (every line commented
/// out) means its defaults: `#[serde(deserialize_with = ...)]` on sections.
pub(crate) fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// `value` written as YAML (for `config check`).
pub(crate) fn to_string<T: Serialize>(value: &T) -> anyhow::Result<String> {
    Ok(serde_saphyr::to_string(value)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    struct Gateway {
        #[serde(default)]
        fields: BTreeMap<String, String>,
        #[serde(default)]
        concurrency: u32,
    }

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    struct Top {
        gateway: Option<Gateway>,
    }

    #[test]
    fn every_bad_key_is_said_and_a_key_given_twice_in_publiks_words() {
        let err = from_str::<Top>("gateway:\n  concurrency: abc\n  fields: 3\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("gateway.concurrency: invalid u32"), "{err}");
        assert!(err.contains("; and gateway.fields: invalid type"), "{err}");
        let err = from_str::<Top>("gateway:\n  concurrency: 1\n  concurrency: 2\n")
            .unwrap_err()
            .to_string();
        assert!(err.ends_with("gateway.concurrency is given twice"), "{err}");
        assert!(!err.contains("DuplicateKeyPolicy"), "{err}");
    }

    #[test]
    fn an_empty_section_is_its_defaults_and_aliases_within_bounds_work() {
        let top: Top = from_str("gateway:\n  fields: { a: &v x, b: *v }\n  concurrency: 4\n").unwrap();
        let gateway = top.gateway.unwrap();
        assert_eq!(gateway.fields["b"], "x");
        assert_eq!(gateway.concurrency, 4);
        #[derive(Deserialize, Default)]
        struct Section {
            #[serde(default, deserialize_with = "null_as_default")]
            fields: BTreeMap<String, String>,
        }
        let section: Section = from_str("fields:\n  # none yet\n").unwrap();
        assert!(section.fields.is_empty());
    }

    #[test]
    fn an_error_names_its_line_and_key_path() {
        let err = from_str::<Top>("gateway:\n  fields: {}\n  concurrency: many\n").unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("line 3: gateway.concurrency: "), "{text}");
        let err = from_str::<Top>("gateway:\n  fieldz: {}\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 2: gateway.fieldz: unknown field `fieldz`, expected one of fields, concurrency"
        );
    }

    #[test]
    fn an_alias_bomb_is_refused_without_expanding_it() {
        let mut text = format!("gateway:\n  fields:\n    a0: &big {}\n", "x".repeat(1_000_000));
        for i in 1..3000 {
            text.push_str(&format!("    a{i}: *big\n"));
        }
        let err = from_str::<Top>(&text).unwrap_err();
        assert!(err.to_string().contains("once aliases are expanded"), "{err}");
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text = format!("gateway: {}", "[".repeat(100_000));
        assert!(from_str::<serde_json::Value>(&text).is_err());
        let text = format!("gateway: {}", "{a: ".repeat(100_000));
        assert!(from_str::<serde_json::Value>(&text).is_err());
    }

    #[test]
    fn a_file_larger_than_the_bound_is_refused_unread() {
        let text = format!("# {}\n", "x".repeat(MAX_FILE_BYTES));
        assert!(
            from_str::<serde_json::Value>(&text)
                .unwrap_err()
                .to_string()
                .contains("more than")
        );
    }
}
