//! A progress bar on stderr for long interactive runs: drawn only when
//! stderr is a terminal and neither `-q`, `-v` (the log lines would tear
//! it) nor `--json` was given; a cron run never sees one.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::Context;
use crate::progress::Progress;

pub(crate) struct Bar(Option<ProgressBar>);

/// A bar saying `what` (e.g. "sending"), or nothing when nobody watches.
pub(crate) fn bar(ctx: &Context, what: &str) -> Bar {
    if !ctx.interactive || !std::io::stderr().is_terminal() {
        return Bar(None);
    }
    let bar = ProgressBar::new_spinner();
    let style = ProgressStyle::with_template("{prefix} {spinner} {pos} done [{elapsed}]")
        .unwrap_or_else(|_| ProgressStyle::default_spinner());
    bar.set_style(style);
    bar.set_prefix(what.to_string());
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    Bar(Some(bar))
}

impl Progress for Bar {
    fn total(&self, items: u64) {
        if let Some(bar) = &self.0 {
            bar.set_length(items);
            let style = ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len}, {eta} left")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> ");
            bar.set_style(style);
        }
    }

    fn advance(&self, n: u64) {
        if let Some(bar) = &self.0 {
            bar.inc(n);
        }
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        // The terminal gets its line back; the summary (if any) follows.
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
