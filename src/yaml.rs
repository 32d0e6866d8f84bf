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

/// A YAML file refused: where, which key, why.
#[derive(Debug)]
pub(crate) struct YamlError {
    line: Option<usize>,
    path: Option<String>,
    message: String,
}

impl fmt::Display for YamlError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if let Some(line) = self.line {
            write!(f, "line {line}: ")?;
        }
        if let Some(path) = &self.path {
            write!(f, "{path}: ")?;
        }
        f.write_str(&self.message)
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
        YamlError {
            line: err.location().map(|at| at.line() as usize),
            path,
            message,
        }
    })
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
