//! Secrets: given inline, as `KEY_file` or as `KEY_env`; never printed.

use std::fmt;
use std::path::Path;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A secret value; never shown by `Debug`, `Display` or serialization.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("********")
    }
}

impl Serialize for Secret {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str("********")
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Secret)
    }
}

/// Shows a fields or headers map with the values of secret-looking names
/// (a password, a token, an API key, Authorization) masked; `_file` and
/// `_env` entries show where the secret comes from, which is no secret.
pub(super) fn masked_map<S: Serializer>(
    map: &std::collections::BTreeMap<String, String>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut out = serializer.serialize_map(Some(map.len()))?;
    for (name, value) in map {
        let lower = name.to_ascii_lowercase();
        let by_reference = lower.ends_with("_file") || lower.ends_with("_env");
        let secret = ["pass", "secret", "token", "key", "authorization", "auth"]
            .iter()
            .any(|word| lower.contains(word));
        if secret && !by_reference {
            out.serialize_entry(name, "********")?;
        } else {
            out.serialize_entry(name, value)?;
        }
    }
    out.end()
}

/// Resolves the `NAME_file` / `NAME_env` entries of a fields or headers map.
pub(super) fn secret_entries(
    key: &str,
    map: &std::collections::BTreeMap<String, String>,
    base: Option<&Path>,
) -> Result<std::collections::BTreeMap<String, Secret>, (String, String)> {
    let mut secrets = std::collections::BTreeMap::new();
    for (name, value) in map {
        let (plain, file, env) = if let Some(plain) = name.strip_suffix("_file") {
            (plain, Some(Path::new(value.as_str())), None)
        } else if let Some(plain) = name.strip_suffix("_env") {
            (plain, None, Some(value.as_str()))
        } else {
            continue;
        };
        let path = format!("{key}.{plain}");
        if map.contains_key(plain) || secrets.contains_key(plain) {
            return Err((
                path.clone(),
                format!("give only one of {path}, {path}_file, {path}_env"),
            ));
        }
        if let Some(secret) = resolve_secret(&path, None, file, env, base)? {
            secrets.insert(plain.to_string(), secret);
        }
    }
    Ok(secrets)
}

/// Resolves one secret given inline, as `<key>_file` or as `<key>_env`.
/// Errors carry the key that is wrong and why.
pub(super) fn resolve_secret(
    key: &str,
    inline: Option<&Secret>,
    file: Option<&Path>,
    env: Option<&str>,
    base: Option<&Path>,
) -> Result<Option<Secret>, (String, String)> {
    let given = [inline.is_some(), file.is_some(), env.is_some()]
        .iter()
        .filter(|g| **g)
        .count();
    if given > 1 {
        return Err((
            key.to_string(),
            format!("give only one of {key}, {key}_file, {key}_env"),
        ));
    }
    if let Some(value) = inline {
        return Ok(Some(value.clone()));
    }
    if let Some(file) = file {
        let path = match base {
            Some(dir) if file.is_relative() => dir.join(file),
            _ => file.to_path_buf(),
        };
        let text = std::fs::read_to_string(&path).map_err(|e| {
            (
                format!("{key}_file"),
                format!("cannot read {}: {e}", path.display()),
            )
        })?;
        let value = text.trim_end_matches(['\r', '\n']).to_string();
        if value.is_empty() {
            return Err((format!("{key}_file"), format!("{} is empty", path.display())));
        }
        return Ok(Some(Secret(value)));
    }
    if let Some(var) = env {
        return match std::env::var(var) {
            Ok(value) if !value.is_empty() => Ok(Some(Secret(value))),
            _ => Err((
                format!("{key}_env"),
                format!("environment variable {var} is not set"),
            )),
        };
    }
    Ok(None)
}
