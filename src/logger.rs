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
            say(record.level(), level, &text);
        }
    }

    fn flush(&self) {}
}

static LOGGER: StderrLogger = StderrLogger;

/// One line on stderr: `publik: [site: ]LABEL: TEXT`, with its priority
/// under the journal.
fn say(level: Level, label: &str, text: &str) {
    let line = match crate::thread_tenant::tenant() {
        Some(tenant) => format!("publik: {tenant}: {label}: {text}\n"),
        None => format!("publik: {label}: {text}\n"),
    };
    eprint!("{}", for_stderr(&line, level));
}

/// An error as publik says it on stderr: once, then each cause on its own
/// line; `site` names the tenant it happened for, if any.
pub fn error_text(err: &anyhow::Error, site: Option<&str>) -> String {
    let mut text = match site {
        Some(site) => format!("publik: error: {site}: {err}\n"),
        None => format!("publik: error: {err}\n"),
    };
    for cause in err.chain().skip(1) {
        // A cause already said in full (a wrapper repeating its source) is
        // not said twice.
        let cause = cause.to_string();
        if !text.contains(&cause) {
            text.push_str(&format!("  caused by: {cause}\n"));
        }
    }
    for_stderr(&printable(&text), Level::Error)
}

/// Whether stderr is systemd's journal: `$JOURNAL_STREAM` names its
/// device and inode (sd_journal_stream_fd(3)); a child that inherited the
/// variable but writes elsewhere must not get the prefixes.
fn stderr_is_journal() -> bool {
    static IS_JOURNAL: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *IS_JOURNAL.get_or_init(|| {
        use std::os::unix::fs::MetadataExt;
        let Some(stream) = std::env::var_os("JOURNAL_STREAM") else {
            return false;
        };
        let Ok(stderr) = std::fs::metadata("/proc/self/fd/2") else {
            return false;
        };
        stream.to_string_lossy() == format!("{}:{}", stderr.dev(), stderr.ino())
    })
}

/// `text` as written to stderr: under the journal, each line starts with
/// its syslog priority (sd-daemon(3)), so `journalctl -p err` finds errors.
fn for_stderr(text: &str, level: Level) -> String {
    if !stderr_is_journal() {
        return text.to_string();
    }
    let priority = match level {
        Level::Error => "<3>",
        Level::Warn => "<4>",
        Level::Info => "<6>",
        Level::Debug | Level::Trace => "<7>",
    };
    text.lines().map(|line| format!("{priority}{line}\n")).collect()
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

static QUIET: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// A warning said even without `-v` (not under `-q`): the run did not do
/// all its work though nothing failed (a stop asked by a signal).
pub(crate) fn notice(text: &str) {
    if QUIET.load(std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    say(Level::Warn, "warning", &printable(text));
}

/// What an interactive command did, said even without `-v` (not under
/// `-q`): `publik: wrote publik.yaml`.
pub(crate) fn tell(text: &str) {
    if QUIET.load(std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    let line = format!("publik: {}\n", printable(text));
    eprint!("{}", for_stderr(&line, Level::Info));
}

pub fn init(verbose: u8, quiet: bool) {
    QUIET.store(quiet, std::sync::atomic::Ordering::Relaxed);
    let level = match (quiet, verbose) {
        (true, _) | (false, 0) => LevelFilter::Off,
        (false, 1) => LevelFilter::Info,
        (false, _) => LevelFilter::Debug,
    };
    if log::set_logger(&LOGGER).is_ok() {
        log::set_max_level(level);
    }
}
