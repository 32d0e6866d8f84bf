//! Logs on stderr for `-v` (info) and `-vv` (debug). Off by default: a
//! successful cron run prints nothing; errors are printed once by `main`.

use log::{Level, LevelFilter, Log, Metadata, Record};

struct StderrLogger;

impl Log for StderrLogger {
    fn enabled(&self, metadata: &Metadata) -> bool {
        // Only our own logs, not those of dependencies (rustls, ...).
        metadata.target().starts_with("publik")
    }

    fn log(&self, record: &Record) {
        if self.enabled(record.metadata()) {
            let level = match record.level() {
                Level::Error => "error",
                Level::Warn => "warning",
                Level::Info => "info",
                Level::Debug | Level::Trace => "debug",
            };
            let text = printable(&record.args().to_string());
            match crate::scope::tenant() {
                Some(tenant) => eprintln!("publik: {tenant}: {level}: {text}"),
                None => eprintln!("publik: {level}: {text}"),
            }
        }
    }

    fn flush(&self) {}
}

static LOGGER: StderrLogger = StderrLogger;

/// An error as publik says it on stderr: once, then each cause on its own
/// line; `site` names the tenant it happened for, if any.
pub fn error_text(err: &anyhow::Error, site: Option<&str>) -> String {
    let mut text = match site {
        Some(site) => format!("publik: error: {site}: {err}\n"),
        None => format!("publik: error: {err}\n"),
    };
    for cause in err.chain().skip(1) {
        text.push_str(&format!("  caused by: {cause}\n"));
    }
    printable(&text)
}

/// `text` safe for a terminal: control characters other than line breaks
/// and tabs (an ESC from a subject or a header that was refused, say) are
/// written as escapes, never as the raw bytes.
pub fn printable(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// For a long-running service (`serve`): errors are logged even without
/// `-v`, since no `main` will print them once at the end.
pub fn errors_always() {
    if log::max_level() < LevelFilter::Error {
        log::set_max_level(LevelFilter::Error);
    }
}

pub fn init(verbose: u8, quiet: bool) {
    let level = match (quiet, verbose) {
        (true, _) | (false, 0) => LevelFilter::Off,
        (false, 1) => LevelFilter::Info,
        (false, _) => LevelFilter::Debug,
    };
    if log::set_logger(&LOGGER).is_ok() {
        log::set_max_level(level);
    }
}
