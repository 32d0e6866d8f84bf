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

/// Masked, as `config check` and messages show a secret.
const MASK: &str = "********";

/// SMS gateway fields whose values are the message itself or its routing,
/// never a credential; every other field's constant value is masked, so a
/// provider's `pwd`, `sig`, `pin` or `hash` never shows, whatever it is called.
const PUBLIC_FIELDS: &[&str] = &[
    "to",
    "text",
    "message",
    "msg",
    "body",
    "content",
    "sender",
    "from",
    "originator",
    "recipient",
    "recipients",
    "destination",
    "phone",
    "number",
    "msisdn",
    "type",
    "encoding",
    "unicode",
    "coding",
    "charset",
    "format",
    "lang",
    "id",
    "reference",
];

/// Headers that carry no credential; every other header's value is masked.
const PUBLIC_HEADERS: &[&str] = &["accept", "accept-language", "content-type", "user-agent"];

/// Shows a gateway's fields: the values of fields not in `PUBLIC_FIELDS`
/// masked, unless made only of placeholders (`{to}`); `_file` and `_env`
/// entries show where the secret comes from, which is no secret.
pub(super) fn masked_fields<S: Serializer>(
    map: &std::collections::BTreeMap<String, String>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    masked(map, PUBLIC_FIELDS, serializer)
}

/// Shows a gateway's headers, as `masked_fields` does.
pub(super) fn masked_headers<S: Serializer>(
    map: &std::collections::BTreeMap<String, String>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    masked(map, PUBLIC_HEADERS, serializer)
}

fn masked<S: Serializer>(
    map: &std::collections::BTreeMap<String, String>,
    public: &[&str],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut out = serializer.serialize_map(Some(map.len()))?;
    for (name, value) in map {
        let shown = is_shown(name, value, public);
        out.serialize_entry(name, if shown { value.as_str() } else { MASK })?;
    }
    out.end()
}

/// `{to}`, `+{to_digits}`: nothing but placeholders and punctuation.
fn only_placeholders(value: &str) -> bool {
    let mut rest = value;
    let mut any = false;
    while let Some(open) = rest.find('{') {
        if rest[..open].chars().any(char::is_alphanumeric) {
            return false;
        }
        let Some(close) = rest[open..].find('}') else {
            return false;
        };
        any = true;
        rest = &rest[open + close + 1..];
    }
    any && !rest.chars().any(char::is_alphanumeric)
}

/// A URL as it may be shown: its userinfo (the user is kept for
/// PostgreSQL), every query value and bare query key, and its fragment
/// masked. The userinfo runs to the last `@`: a password holding an
/// unescaped `/`, `?` or `#` is masked whole however a client reads it
/// (a query value holding an `@` is masked with it, which shows less,
/// never more).
pub(crate) fn shown_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let mut shown = format!("{scheme}://");
    let rest = match rest.rsplit_once('@') {
        Some((userinfo, rest)) => {
            let postgres = scheme.to_ascii_lowercase().starts_with("postgres");
            match userinfo.split_once(':') {
                Some((user, _)) if postgres && !user.contains(['/', '?', '#']) => {
                    shown.push_str(&format!("{user}:{MASK}@"))
                }
                None if postgres && !userinfo.contains(['/', '?', '#']) => {
                    shown.push_str(&format!("{userinfo}@"))
                }
                _ => shown.push_str(&format!("{MASK}@")),
            }
            rest
        }
        None => rest,
    };
    let (before_fragment, fragment) = match rest.split_once('#') {
        Some((before, fragment)) => (before, Some(fragment)),
        None => (rest, None),
    };
    let (before_query, query) = match before_fragment.split_once('?') {
        Some((before, query)) => (before, Some(query)),
        None => (before_fragment, None),
    };
    shown.push_str(before_query);
    if let Some(query) = query {
        let pairs: Vec<String> = query
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some((name, _)) => format!("{name}={MASK}"),
                None if pair.is_empty() => String::new(),
                // A bare key (`?APIKEY`) is as much a secret as a value.
                None => MASK.to_string(),
            })
            .collect();
        shown.push('?');
        shown.push_str(&pairs.join("&"));
    }
    if fragment.is_some() {
        shown.push_str(&format!("#{MASK}"));
    }
    shown
}

/// The secret parts of a URL, as `shown_url` masks them: userinfo (and
/// its password alone), query values and bare keys, fragment.
pub(crate) fn url_secrets(url: &str) -> Vec<String> {
    let Some((_, rest)) = url.split_once("://") else {
        return Vec::new();
    };
    let mut secrets = Vec::new();
    let rest = match rest.rsplit_once('@') {
        Some((userinfo, rest)) => {
            secrets.push(userinfo.to_string());
            if let Some((_, password)) = userinfo.split_once(':') {
                secrets.push(password.to_string());
            }
            rest
        }
        None => rest,
    };
    let (before_fragment, fragment) = rest.split_once('#').map_or((rest, None), |(b, f)| (b, Some(f)));
    secrets.extend(fragment.map(str::to_string));
    if let Some((_, query)) = before_fragment.split_once('?') {
        for pair in query.split('&') {
            secrets.push(pair.split_once('=').map_or(pair, |(_, value)| value).to_string());
        }
    }
    secrets.retain(|s| !s.is_empty());
    secrets
}

/// Whether a gateway field (or header, with `PUBLIC_HEADERS`) is shown as
/// it is written, as `masked` decides.
fn is_shown(name: &str, value: &str, public: &[&str]) -> bool {
    let lower = name.to_ascii_lowercase();
    let by_reference = lower.ends_with("_file") || lower.ends_with("_env");
    by_reference || public.contains(&lower.as_str()) || only_placeholders(value)
}

/// The values of fields and headers that `config check` masks.
pub(super) fn masked_values<'a>(
    fields: &'a std::collections::BTreeMap<String, String>,
    headers: &'a std::collections::BTreeMap<String, String>,
) -> impl Iterator<Item = &'a str> {
    let fields = fields.iter().filter(|(n, v)| !is_shown(n, v, PUBLIC_FIELDS));
    let headers = headers.iter().filter(|(n, v)| !is_shown(n, v, PUBLIC_HEADERS));
    fields.chain(headers).map(|(_, value)| value.as_str())
}

/// `text` with each of `secrets` replaced by the mask, also as a request
/// spells it (percent-encoded, `+` for a space, JSON-escaped): what a peer
/// echoes back is stored and shown this way.
pub(crate) fn masked_text(text: &str, secrets: &[String]) -> String {
    let mut spellings: Vec<String> = Vec::new();
    for secret in secrets.iter().filter(|s| !s.is_empty()) {
        spellings.push(secret.clone());
        spellings.push(crate::urlencoded::encode(secret));
        spellings.push(secret.replace(' ', "+"));
        spellings.push(secret.replace(' ', "%20"));
        let json = serde_json::to_string(secret).unwrap_or_default();
        spellings.push(json.trim_matches('"').to_string());
    }
    // The longest first: a secret holding another is masked whole.
    spellings.sort_by_key(|s| std::cmp::Reverse(s.len()));
    spellings.dedup();
    let mut text = text.to_string();
    for spelling in spellings.iter().filter(|s| !s.is_empty()) {
        if text.contains(spelling.as_str()) {
            text = text.replace(spelling.as_str(), MASK);
        }
    }
    text
}

/// Serializes a URL as `shown_url` shows it.
pub(super) fn masked_url<S: Serializer>(url: &str, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&shown_url(url))
}

/// Serializes an optional URL (or path) as `shown_url` shows it.
pub(super) fn masked_optional_url<S: Serializer, T: AsRef<std::ffi::OsStr>>(
    url: &Option<T>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match url {
        Some(url) => serializer.serialize_str(&shown_url(&url.as_ref().to_string_lossy())),
        None => serializer.serialize_none(),
    }
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

/// A shared secret a peer proves itself with (receipts, events): given
/// one way or another, and at least 16 characters.
pub(super) fn required_shared_secret(
    key: &str,
    given: (Option<&Secret>, Option<&Path>, Option<&str>),
    base: Option<&Path>,
    fail: &super::Fail<'_>,
) -> anyhow::Result<Secret> {
    let (inline, file, env) = given;
    match resolve_secret(key, inline, file, env, base).map_err(|e| fail(&e.0, e.1))? {
        Some(secret) if secret.expose().len() >= 16 => Ok(secret),
        _ => Err(fail(
            key,
            "required, at least 16 characters (or secret_file, secret_env)".into(),
        )),
    }
}

/// A PEM file of certificates to trust (`ca_file`), read whole.
pub(super) fn read_ca_file(
    key: &str,
    file: &Path,
    base: Option<&Path>,
    fail: &super::Fail<'_>,
) -> anyhow::Result<String> {
    let path = match base {
        Some(dir) if file.is_relative() => dir.join(file),
        _ => file.to_path_buf(),
    };
    let pem = crate::capped::text_file(&path, crate::capped::MAX_KEY_FILE_BYTES)
        .map_err(|e| fail(key, format!("cannot read {}: {e}", path.display())))?;
    if !pem.contains("-----BEGIN CERTIFICATE-----") {
        return Err(fail(key, format!("{} holds no PEM certificate", path.display())));
    }
    Ok(pem)
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
        let text = crate::capped::text_file(&path, crate::capped::MAX_KEY_FILE_BYTES).map_err(|e| {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_show_no_password_nor_query_value() {
        assert_eq!(
            shown_url("https://user:pass@sms.example.org/send?apikey=K123&to=x"),
            "https://********@sms.example.org/send?apikey=********&to=********"
        );
        assert_eq!(
            shown_url("postgresql://bob:secret@db.example.org/publik?password=x2"),
            "postgresql://bob:********@db.example.org/publik?password=********"
        );
        assert_eq!(
            shown_url("postgresql://bob@db/publik"),
            "postgresql://bob@db/publik"
        );
        assert_eq!(
            shown_url("https://sms.example.org/send?APIKEYBARE&to=x"),
            "https://sms.example.org/send?********&to=********"
        );
        for url in [
            "postgresql://bob:PGSEC/RET8@db/publik",
            "postgresql://bob:PGSEC?RET8@db/publik",
            "postgresql://bob:PGSEC#RET8@db/publik",
        ] {
            assert_eq!(shown_url(url), "postgresql://bob:********@db/publik", "{url}");
        }
        assert_eq!(
            shown_url("https://u:P/A?S#S@sms.example.org/send"),
            "https://********@sms.example.org/send"
        );
        assert_eq!(
            url_secrets("https://u:pw@h/s?BARE&k=v#frag"),
            ["u:pw", "pw", "frag", "BARE", "v"]
        );
        assert_eq!(
            masked_text(
                "echo: pw a%20b a+b \"q\\\"x\" pwd",
                &["pw".into(), "a b".into(), "q\"x".into()]
            ),
            "echo: ******** ******** ******** \"********\" ********d"
        );
        assert_eq!(
            shown_url("https://sms.example.org/send"),
            "https://sms.example.org/send"
        );
        assert_eq!(
            shown_url("/var/lib/publik/publik.sqlite3"),
            "/var/lib/publik/publik.sqlite3"
        );
    }

    #[test]
    fn placeholders_alone_are_no_secret() {
        assert!(only_placeholders("{to}"));
        assert!(only_placeholders("+{to_digits}"));
        assert!(only_placeholders("{sender} {text}"));
        assert!(!only_placeholders("hunter2"));
        assert!(!only_placeholders("key-{id}"));
        assert!(!only_placeholders("{id}abc"));
        assert!(!only_placeholders(""));
    }
}
