//! The YAML config: typed settings with defaults, strict parsing (unknown keys
//! are errors), secrets resolved from inline values, files or environment
//! variables, and validation that names the key path of every bad value.
//!
//! Relative paths written in a config file are taken relative to that file's
//! directory, so a crontab line works from any working directory; built-in
//! defaults are relative to the working directory.

use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::{Deserialize, Serialize};

use crate::exit_codes::bad_input;
use crate::yaml;

mod dkim;
mod email;
mod ics;
mod maarch;
mod newsletter;
mod queue;
mod secret;

pub(crate) use secret::{masked_text, shown_url, url_secrets};
mod serve;
mod sms;
mod wcs;
mod webpush;

pub(crate) use dkim::*;
pub(crate) use email::*;
pub(crate) use ics::*;
pub(crate) use maarch::*;
pub(crate) use newsletter::*;
pub(crate) use queue::*;
pub(crate) use serve::*;
pub(crate) use sms::*;
pub(crate) use wcs::*;
pub(crate) use webpush::*;

/// Builds the error of a bad value: the key path and what is wrong.
type Fail<'a> = dyn Fn(&str, String) -> anyhow::Error + 'a;

pub(crate) const DEFAULT_CONFIG_PATHS: [&str; 2] = ["./publik.yaml", "/etc/publik/config.yaml"];

pub(crate) const DEFAULT_STATE_PATH: &str = "./publik.sqlite3";

/// Where the sites of a multi-site installation live, one directory each.
pub(crate) const DEFAULT_TENANTS_DIR: &str = "/var/lib/publik/tenants";

/// A tenant's config file and state, in its directory.
pub(crate) const TENANT_CONFIG: &str = "publik.yaml";
pub(crate) const TENANT_STATE: &str = "publik.sqlite3";

/// The commented template written by `publik init`; also `examples/publik.yaml`.
pub(crate) const TEMPLATE: &str = include_str!("../publik.yaml");

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// State file; `--state` and `$PUBLIK_STATE` take precedence.
    #[serde(serialize_with = "secret::masked_optional_url")]
    pub state: Option<PathBuf>,
    /// PostgreSQL's password, first line of this file.
    pub state_password_file: Option<PathBuf>,
    /// The sites of this installation (`--tenant`, `--all-tenants`), one
    /// directory each, named by domain; `$PUBLIK_TENANTS_DIR` takes precedence.
    pub tenants_dir: Option<PathBuf>,
    #[serde(default, deserialize_with = "crate::yaml::null_as_default")]
    pub email: EmailConfig,
    #[serde(default, deserialize_with = "crate::yaml::null_as_default")]
    pub sms: SmsConfig,
    #[serde(default, deserialize_with = "crate::yaml::null_as_default")]
    pub queue: QueueConfig,
    #[serde(default, deserialize_with = "crate::yaml::null_as_default")]
    pub newsletter: NewsletterConfig,
    #[serde(default, deserialize_with = "crate::yaml::null_as_default")]
    pub serve: ServeConfig,
    #[serde(default, deserialize_with = "crate::yaml::null_as_default")]
    pub ics: IcsConfig,
    #[serde(default, deserialize_with = "crate::yaml::null_as_default")]
    pub maarch: MaarchConfig,
    #[serde(default, deserialize_with = "crate::yaml::null_as_default")]
    pub webpush: WebpushConfig,
    /// Remote w.c.s. services action links may act on.
    #[serde(default, deserialize_with = "crate::yaml::null_as_default")]
    pub wcs: WcsConfig,
    /// The file this was read from (None: built-in defaults).
    #[serde(skip)]
    pub source: Option<PathBuf>,
}

/// Where the config comes from, in the documented order: `--config`,
/// `$PUBLIK_CONFIG` (both given as `explicit`), `./publik.yaml`,
/// `/etc/publik/config.yaml`, else built-in defaults.
pub(crate) fn locate(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(path) = explicit {
        return Some(path.to_path_buf());
    }
    DEFAULT_CONFIG_PATHS
        .iter()
        .map(PathBuf::from)
        .find(|path| path.is_file())
}

impl Config {
    /// Loads and validates the config; `None` gives the built-in defaults.
    pub fn load(path: Option<&Path>) -> anyhow::Result<Config> {
        let Some(path) = path else {
            let mut config = Config::default();
            config.validate(None)?;
            return Ok(config);
        };
        Config::parse(&read_text(path)?, path)
    }

    /// A tenant's config: `shared` (the main config, if any) overridden key
    /// by key by the tenant's own `publik.yaml` in `dir`, if any. Each file
    /// is checked alone first (errors name its lines); relative paths
    /// resolve against the tenant's directory, and `state` comes from the
    /// tenant's file only: a tenant's state is never shared.
    pub fn load_tenant(shared: Option<&Path>, dir: &Path) -> anyhow::Result<Config> {
        let own = dir.join(TENANT_CONFIG);
        // Each file's keys and types are checked alone (errors name its
        // lines); the settings are validated once merged (a tenant may
        // rely on the shared SMTP host, say).
        let read = |path: &Path| -> anyhow::Result<serde_json::Value> {
            let text = read_text(path)?;
            let name = path.display().to_string();
            if is_blank(&text) {
                return Ok(serde_json::Value::Object(Default::default()));
            }
            yaml::from_str::<Config>(&text).map_err(|err| yaml_error(&name, err))?;
            yaml::from_str(&text).map_err(|err| yaml_error(&name, err))
        };
        let mut merged = match shared {
            Some(path) => read(path)?,
            None => serde_json::Value::Object(Default::default()),
        };
        if let serde_json::Value::Object(map) = &mut merged {
            map.remove("state");
            map.remove("tenants_dir");
        }
        if own.is_file() {
            let own_value = read(&own)?;
            confine(&own_value, dir, &own)?;
            merge(&mut merged, own_value);
        }
        let name = own.display().to_string();
        let mut config: Config = serde_path_to_error::deserialize(merged)
            .map_err(|err| bad_input(format!("config {name}: {}: {}", err.path(), err.inner())))?;
        config.source = Some(own);
        config.validate(Some(&name))?;
        Ok(config)
    }

    /// Parses config text; `path` is used for messages and relative paths.
    pub fn parse(text: &str, path: &Path) -> anyhow::Result<Config> {
        let name = path.display().to_string();
        // An empty file (or only comments) means "all defaults".
        let mut config: Config = if is_blank(text) {
            Config::default()
        } else {
            yaml::from_str(text).map_err(|err| yaml_error(&name, err))?
        };
        // Said as `d/publik.yaml`, not `d/./publik.yaml`.
        config.source = Some(path.components().collect());
        config.validate(Some(&name))?;
        Ok(config)
    }

    /// Directory against which relative paths in the config are resolved.
    fn base_dir(&self) -> Option<PathBuf> {
        self.source.as_ref().map(|p| {
            p.parent()
                .filter(|dir| *dir != Path::new("."))
                .map(Path::to_path_buf)
                .unwrap_or_default()
        })
    }

    /// A path from the config, made relative to the config file.
    pub fn resolve_path(&self, path: &Path) -> PathBuf {
        let joined = match self.base_dir() {
            Some(dir) if path.is_relative() && !dir.as_os_str().is_empty() => dir.join(path),
            _ => path.to_path_buf(),
        };
        // Components drop the `.` inside a path (`d/./outbox` → `d/outbox`).
        joined.components().collect()
    }

    fn validate(&mut self, name: Option<&str>) -> anyhow::Result<()> {
        let fail = |key: &str, message: String| -> anyhow::Error {
            match name {
                Some(name) => bad_input(format!("config {name}: {key}: {message}")),
                None => bad_input(format!("config: {key}: {message}")),
            }
        };
        let base = self.base_dir();
        let base = base.as_deref();
        self.email.validate(base, &fail)?;
        self.sms.validate(base, &fail)?;
        self.ics.validate(base, &fail)?;
        self.webpush.validate(base, &fail)?;
        self.maarch.validate(base, &fail)?;
        self.wcs.validate(base, &fail)?;
        self.newsletter.validate(base, &fail)?;
        self.serve.validate(base, &fail)?;
        self.queue.validate(base, &fail)
    }
}

/// A config file's text. Bad content is bad input (65), like a YAML error;
/// an unreadable file stays a runtime failure (1).
fn read_text(path: &Path) -> anyhow::Result<String> {
    let bytes = crate::capped::file(path, yaml::MAX_FILE_BYTES as u64)
        .with_context(|| format!("cannot read config file {}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        bad_input(format!(
            "config file {} is not UTF-8 text (invalid byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        ))
    })
}

/// Empty, or only comments: all defaults.
fn is_blank(text: &str) -> bool {
    text.trim()
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
}

/// `over` laid over `base`: mappings merged key by key, anything else replaced.
/// A site's own file names its state and link key inside its directory
/// only: pointing at another site's (`../a.example.org/publik.sqlite3`)
/// would work in its queue or mint its tokens. The main config, the
/// operator's, may name a key elsewhere (and no two sites may share one).
fn confine(own: &serde_json::Value, dir: &Path, file: &Path) -> anyhow::Result<()> {
    let named = [
        ("state", own.get("state")),
        (
            "serve.link_key_file",
            own.get("serve").and_then(|s| s.get("link_key_file")),
        ),
    ];
    for (field, value) in named {
        let Some(written) = value.and_then(serde_json::Value::as_str) else {
            continue;
        };
        if field == "state" && (written.starts_with("postgresql://") || written.starts_with("postgres://")) {
            continue;
        }
        if !lies_inside(dir, &dir.join(written)) {
            return Err(bad_input(format!(
                "config {}: {field}: \"{written}\" is outside the site's directory {}: a site's state \
                 and link key are its own",
                file.display(),
                dir.display()
            )));
        }
    }
    Ok(())
}

/// `path` is below `dir` once both are resolved (symbolic links, `..`); a
/// file not made yet is judged by its directory.
pub(crate) fn lies_inside(dir: &Path, path: &Path) -> bool {
    let Ok(dir) = std::fs::canonicalize(dir) else {
        return false;
    };
    let resolved = match std::fs::canonicalize(path) {
        Ok(resolved) => Some(resolved),
        Err(_) => match (path.parent(), path.file_name()) {
            (Some(parent), Some(name)) => std::fs::canonicalize(parent).ok().map(|p| p.join(name)),
            _ => None,
        },
    };
    resolved.is_some_and(|resolved| resolved != dir && resolved.starts_with(&dir))
}

fn merge(base: &mut serde_json::Value, over: serde_json::Value) {
    match (base, over) {
        (serde_json::Value::Object(base), serde_json::Value::Object(over)) => {
            for (key, value) in over {
                match base.get_mut(&key) {
                    Some(existing) => merge(existing, value),
                    None => {
                        base.insert(key, value);
                    }
                }
            }
        }
        (base, over) => *base = over,
    }
}

/// `config FILE line N: key.path: message`.
fn yaml_error(name: &str, err: yaml::YamlError) -> anyhow::Error {
    bad_input(err.in_file("config", name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::duration::Duration;
    use crate::exit_codes::ExitCode;

    fn parse(text: &str) -> anyhow::Result<Config> {
        Config::parse(text, Path::new("publik.yaml"))
    }

    #[test]
    fn template_is_the_defaults() {
        let parsed = parse(TEMPLATE).unwrap();
        let defaults = Config::default();
        assert_eq!(
            crate::yaml::to_string(&parsed).unwrap(),
            crate::yaml::to_string(&defaults).unwrap()
        );
    }

    #[test]
    fn wrong_type_names_key_and_line() {
        let err = parse("email:\n  smtp:\n    host: x\n    port: abc\n").unwrap_err();
        assert_eq!(ExitCode::for_error(&err), ExitCode::DataErr);
        let text = err.to_string();
        assert!(
            text == "config publik.yaml line 4: email.smtp.port: invalid u16, found \"abc\"",
            "{text}"
        );
    }

    #[test]
    fn unknown_key_is_refused() {
        let err = parse("queue:\n  max_attemps: 3\n").unwrap_err().to_string();
        assert!(err.contains("line 2"), "{err}");
        assert!(err.contains("max_attemps"), "{err}");
    }

    #[test]
    fn bad_duration_and_rate() {
        let err = parse("queue:\n  lease: 10 minutes\n").unwrap_err().to_string();
        assert!(err.contains("queue.lease") && err.contains("10 minutes"), "{err}");
        let err = parse("queue:\n  rate: fast\n").unwrap_err().to_string();
        assert!(err.contains("queue.rate") && err.contains("fast"), "{err}");
        let ok = parse("queue:\n  rate: 500/h\n").unwrap();
        assert_eq!(
            ok.queue.rate,
            Some(Rate {
                count: 500,
                per: Duration::from_secs(3600)
            })
        );
        assert_eq!(ok.queue.rate.unwrap().to_string(), "500/h");
    }

    #[test]
    fn secret_sources() {
        let err =
            parse("email:\n  smtp:\n    host: x\n    username: u\n    password_file: /nonexistent/pw\n")
                .unwrap_err()
                .to_string();
        assert!(err.contains("email.smtp.password_file"), "{err}");
        let err =
            parse("email:\n  smtp:\n    host: x\n    username: u\n    password_env: PUBLIK_TEST_UNSET_VAR\n")
                .unwrap_err()
                .to_string();
        assert!(err.contains("PUBLIK_TEST_UNSET_VAR"), "{err}");
        let ok = parse("email:\n  smtp:\n    host: x\n    username: u\n    password: hunter2\n").unwrap();
        assert_eq!(
            ok.email.smtp.resolved_password.as_ref().unwrap().expose(),
            "hunter2"
        );
        let shown = crate::yaml::to_string(&ok).unwrap();
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(!format!("{ok:?}").contains("hunter2"));
    }

    #[test]
    fn transport_defaults_to_file_without_host() {
        assert_eq!(Config::default().email.effective_transport(), TransportKind::File);
        let with_host = parse("email:\n  smtp:\n    host: 127.0.0.1\n").unwrap();
        assert_eq!(with_host.email.effective_transport(), TransportKind::Smtp);
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::Config;
    use crate::testing::{config, text_from};

    const PIECES: &[&str] = &[
        "\n",
        "  ",
        "    ",
        ": ",
        "- ",
        "queue:",
        "email:",
        "smtp:",
        "host: ",
        "port: ",
        "lease: ",
        "10m",
        "rate: ",
        "10/s",
        "sms:",
        "gateway:",
        "url: ",
        "https://x/",
        "fields:",
        "password_file: ",
        "password_env: ",
        "max_size: ",
        "25MB",
        "state: ",
        "\"",
        "'",
        "{",
        "}",
        "[",
        "]",
        "&a",
        "*a",
        "!!str",
        "null",
        "~",
        "#",
        "webpush:",
        "serve:",
        "public_url: ",
        "maarch:",
        "ics:",
        "timeout: ",
        "30",
        "-1",
        "1e309",
        "true",
    ];

    proptest! {
        #![proptest_config(config())]

        /// Any text is a config or a clear error, never a panic.
        #[test]
        fn config_text_never_panics(text in text_from(PIECES)) {
            let _ = Config::parse(&text, std::path::Path::new("/nonexistent/publik.yaml"));
        }
    }
}
