//! `publik man`: a page per command (publik.1, publik-send-queue.1, …) with
//! the sections a sysadmin looks for (EXIT STATUS, ENVIRONMENT, FILES,
//! EXAMPLES), and publik.yaml(5) made from the same template `init` writes.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap::CommandFactory;

/// Write man pages, one per command (publik.1, publik-send-queue.1, ...), and publik.yaml.5
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Output directory
    #[arg(long, value_name = "DIR", default_value = "man")]
    pub dir: PathBuf,
}

pub fn exec(args: Args) -> anyhow::Result<()> {
    crate::fs_private::create_dir_all(&args.dir)
        .with_context(|| format!("cannot create {}", args.dir.display()))?;
    // Pages name the release, not the commit: they are committed, and one
    // commit cannot name itself.
    let command = crate::cli::Cli::command().version(env!("CARGO_PKG_VERSION"));
    write_pages(&command, "publik", "publik", None, &args.dir)?;
    let path = args.dir.join("publik.yaml.5");
    crate::fs_private::write(&path, config_page(), crate::fs_private::GROUP_READABLE)
        .with_context(|| format!("cannot write {}", path.display()))
}

/// `name` is the page's (`publik-send-queue`), `bin_name` how it is typed
/// (`publik send-queue`).
fn write_pages(
    command: &clap::Command,
    name: &str,
    bin_name: &str,
    parent: Option<&str>,
    dir: &Path,
) -> anyhow::Result<()> {
    let command = command
        .clone()
        .name(name.to_string())
        .bin_name(bin_name.to_string())
        // `help` is not a page: the SUBCOMMANDS section must not name one.
        .disable_help_subcommand(true);
    let usage = synopsis(&command, bin_name);
    let command = command.override_usage(usage);
    let man = clap_mangen::Man::new(command.clone());
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    if command.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut page)?;
    }
    if command.get_subcommands().next().is_some() {
        man.render_subcommands_section(&mut page)?;
    }
    page.extend_from_slice(sections(name, parent).as_bytes());
    if command.get_version().is_some() || command.get_long_version().is_some() {
        man.render_version_section(&mut page)?;
    }
    let path = dir.join(format!("{name}.1"));
    crate::fs_private::write(&path, page, crate::fs_private::GROUP_READABLE)
        .with_context(|| format!("cannot write {}", path.display()))?;
    for sub in command.get_subcommands() {
        let sub_bin_name = format!("{bin_name} {}", sub.get_name());
        write_pages(
            sub,
            &format!("{name}-{}", sub.get_name()),
            &sub_bin_name,
            Some(name),
            dir,
        )?;
    }
    Ok(())
}

/// The SYNOPSIS line with each option's value name (`--subject <TEXT>`),
/// which clap_mangen's own synopsis leaves out: optional options in
/// brackets, a required choice in parentheses, then the positionals.
fn synopsis(command: &clap::Command, bin_name: &str) -> String {
    // Built, so that each argument knows how many values it takes.
    let mut command = command.clone();
    command.build();
    let command = &command;
    let grouped: Vec<Vec<&clap::Arg>> = command
        .get_groups()
        .filter(|group| group.is_required_set())
        .map(|group| {
            let members: Vec<&clap::Id> = group.get_args().collect();
            command
                .get_arguments()
                .filter(|arg| members.contains(&arg.get_id()))
                .collect()
        })
        .collect();
    let in_group = |arg: &clap::Arg| {
        grouped
            .iter()
            .flatten()
            .any(|member| member.get_id() == arg.get_id())
    };
    let shown = |arg: &&clap::Arg| !arg.is_hide_set() && !matches!(arg.get_id().as_str(), "help" | "version");
    let mut words = vec![bin_name.to_string()];
    let options: Vec<&clap::Arg> = command
        .get_arguments()
        .filter(shown)
        .filter(|arg| !arg.is_positional() && !in_group(arg))
        .collect();
    for arg in options.iter().filter(|arg| !arg.is_required_set()) {
        words.push(format!("[{}]", option_usage(arg)));
    }
    for arg in options.iter().filter(|arg| arg.is_required_set()) {
        words.push(option_usage(arg));
    }
    for members in &grouped {
        let choice: Vec<String> = members.iter().map(|arg| option_usage(arg)).collect();
        words.push(format!("({})", choice.join(" | ")));
    }
    for arg in command.get_positionals().filter(shown) {
        let name = value_name(arg);
        let repeated = if is_repeated(arg) { "..." } else { "" };
        words.push(if arg.is_required_set() {
            format!("<{name}>{repeated}")
        } else {
            format!("[{name}]{repeated}")
        });
    }
    if command.has_subcommands() {
        words.push("<COMMAND>".to_string());
    }
    words.join(" ")
}

/// `--to <ADDR>...`, `-v`, `--dry-run`.
fn option_usage(arg: &clap::Arg) -> String {
    let flag = match (arg.get_short(), arg.get_long()) {
        (Some(short), Some(long)) => format!("-{short}|--{long}"),
        (None, Some(long)) => format!("--{long}"),
        (Some(short), None) => format!("-{short}"),
        (None, None) => value_name(arg),
    };
    let takes_value = arg.get_num_args().is_some_and(|range| range.takes_values());
    let repeated = if is_repeated(arg) { "..." } else { "" };
    if takes_value {
        format!("{flag} <{}>{repeated}", value_name(arg))
    } else {
        format!("{flag}{repeated}")
    }
}

fn value_name(arg: &clap::Arg) -> String {
    arg.get_value_names()
        .map(|names| names.join(" "))
        .unwrap_or_else(|| arg.get_id().as_str().to_uppercase())
}

fn is_repeated(arg: &clap::Arg) -> bool {
    matches!(arg.get_action(), clap::ArgAction::Append | clap::ArgAction::Count)
        || arg.get_num_args().is_some_and(|range| range.max_values() > 1)
}

/// Text for roff: backslashes and hyphens escaped, no line starting with
/// a control character.
fn roff(text: &str) -> String {
    text.lines()
        .map(|line| {
            let line = line.replace('\\', "\\e").replace('-', "\\-");
            if line.starts_with('.') || line.starts_with('\'') {
                format!("\\&{line}")
            } else {
                line
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `.TP` items: a term in bold, its description.
fn items(out: &mut String, items: &[(&str, &str)]) {
    for (term, text) in items {
        let _ = write!(out, ".TP\n\\fB{}\\fR\n{}\n", roff(term), roff(text));
    }
}

const EXIT_STATUS: &[(&str, &str)] = &[
    (
        "0",
        "Done. Messages that failed are recorded in the state; that is not a failure of the run.",
    ),
    (
        "1",
        "Runtime failure: the state file is unusable, an I/O error, a channel that cannot send (not configured).",
    ),
    ("2", "Usage error: unknown option, missing argument."),
    (
        "65",
        "Bad input data (config, YAML, JSON, address, date, duration, token, a flag value); nothing was changed.",
    ),
    (
        "75",
        "Temporary failure: a peer (SMTP server, gateway, push service, Maarch) is down; the next run catches up.",
    ),
];

const CHECK_STATUS: &[(&str, &str)] = &[
    ("0", "OK."),
    (
        "1",
        "WARNING: a due message has waited --warn-age, or --warn-failed failed in 24 hours.",
    ),
    ("2", "CRITICAL: the same with --crit-age or --crit-failed."),
    ("3", "UNKNOWN: the state cannot be read."),
];

const ENVIRONMENT: &[(&str, &str)] = &[
    ("PUBLIK_CONFIG", "The config file, when --config is not given."),
    (
        "PUBLIK_STATE",
        "The state file, when --state is not given (never for a tenant: a site's state is in its directory).",
    ),
    (
        "PUBLIK_TENANTS_DIR",
        "The tenants directory, before the config's tenants_dir.",
    ),
    (
        "JOURNAL_STREAM",
        "Set by systemd: when it names stderr, each line starts with its syslog priority (<3> errors, <4> warnings, <6> info).",
    ),
];

const FILES: &[(&str, &str)] = &[
    (
        "/etc/publik/config.yaml",
        "The config file of the Debian package (see publik.yaml(5)); else ./publik.yaml.",
    ),
    (
        "/var/lib/publik/publik.sqlite3",
        "The state of the Debian package: the queue, its history, forms, links, subscriptions (SQLite, WAL mode).",
    ),
    (
        "STATE.link-key",
        "The key action links and unsubscribe links are made from, beside the state; keep it out of the state's backups.",
    ),
    (
        "/var/lib/publik/tenants/DOMAIN/",
        "One directory per site: its publik.yaml laid over the main one, and its own state.",
    ),
];

/// Commands with examples worth a section: (page, lines).
const EXAMPLES: &[(&str, &[&str])] = &[
    (
        "publik",
        &[
            "publik init --dir /etc/publik",
            "echo 'Bonjour' | publik enqueue email --to citoyen@example.org --subject Demande --text -",
            "publik send-queue -v",
            "publik --all-tenants send-queue --time-limit 50s",
        ],
    ),
    (
        "publik-send-queue",
        &[
            "* * * * *  publik send-queue --time-limit 50s      # crontab",
            "publik send-queue --id 42 --id 43                  # just those, now (postqueue -i)",
            "publik send-queue --dry-run",
        ],
    ),
    (
        "publik-retry-queue",
        &["*/5 * * * *  publik retry-queue --time-limit 4m   # crontab"],
    ),
    (
        "publik-send-webpush",
        &["* * * * *  publik send-webpush --max-age 24h    # crontab"],
    ),
    (
        "publik-feed-mail-maarch",
        &["*/10 * * * *  publik feed-mail-maarch          # crontab"],
    ),
    (
        "publik-queue-list",
        &[
            "publik queue list --status error,failed",
            "publik queue list --limit 0 --json-lines | jq -r 'select(.attempts > 3) | .id'",
        ],
    ),
    (
        "publik-queue-hold",
        &[
            "publik queue hold --status pending",
            "publik queue list --status held",
        ],
    ),
    (
        "publik-queue-release",
        &["publik queue list --status held --json-lines | jq .id | publik queue release -"],
    ),
    (
        "publik-queue-delete",
        &["publik queue delete - < ids.txt      # as postsuper -d -"],
    ),
    (
        "publik-queue-check",
        &["publik queue check --warn-age 15m --crit-age 1h --channel email"],
    ),
    (
        "publik-queue-stats",
        &["publik queue stats --format openmetrics > /var/lib/node_exporter/textfile/publik.prom"],
    ),
    (
        "publik-state-backup",
        &["40 2 * * *  publik state backup /var/backups/publik/publik.sqlite3   # crontab"],
    ),
    (
        "publik-newsletter-send",
        &["publik newsletter send --template lettre --group quartier-nord --var mois=juin"],
    ),
    (
        "publik-group-import",
        &["publik group import quartier-nord members.csv --skip-invalid"],
    ),
    (
        "publik-serve",
        &["publik serve            # behind a reverse proxy; see examples/nginx/"],
    ),
];

/// EXIT STATUS, ENVIRONMENT, FILES, EXAMPLES and SEE ALSO of a page.
fn sections(name: &str, parent: Option<&str>) -> String {
    let mut out = String::new();
    out.push_str(".SH \"EXIT STATUS\"\n");
    items(
        &mut out,
        if name == "publik-queue-check" {
            CHECK_STATUS
        } else {
            EXIT_STATUS
        },
    );
    if name != "publik-completions" && name != "publik-man" {
        out.push_str(".SH ENVIRONMENT\n");
        items(&mut out, ENVIRONMENT);
        out.push_str(".SH FILES\n");
        items(&mut out, FILES);
    }
    if let Some((_, lines)) = EXAMPLES.iter().find(|(page, _)| *page == name) {
        out.push_str(".SH EXAMPLES\n.nf\n");
        for line in *lines {
            out.push_str(&roff(line));
            out.push('\n');
        }
        out.push_str(".fi\n");
    }
    out.push_str(".SH \"SEE ALSO\"\n");
    let mut see = vec!["\\fBpublik.yaml\\fR(5)".to_string()];
    if let Some(parent) = parent {
        see.push(format!("\\fB{}\\fR(1)", roff(parent)));
    }
    out.push_str(&see.join(", "));
    out.push('\n');
    out
}

/// publik.yaml(5): the commented template `publik init` writes, which
/// lists every key with its default; one source, so they cannot drift.
fn config_page() -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        ".TH PUBLIK.YAML 5 \"\" \"publik {}\"\n.SH NAME\npublik.yaml \\- publik configuration file\n",
        env!("CARGO_PKG_VERSION")
    );
    out.push_str(
        ".SH DESCRIPTION\nOne YAML file: \\fB\\-\\-config\\fR, else \\fB$PUBLIK_CONFIG\\fR, else \
         \\fI./publik.yaml\\fR, else \\fI/etc/publik/config.yaml\\fR, else built\\-in defaults. \
         Unknown keys are errors; a bad value is reported with the file, line and key path \
         (exit 65). Relative paths are relative to the file's directory. \
         \\fBpublik config check\\fR validates it and prints the settings in effect. \
         The reference below is what \\fBpublik init\\fR writes: every key with its default.\n",
    );
    out.push_str(".SH REFERENCE\n.nf\n");
    out.push_str(&roff(crate::config::TEMPLATE));
    out.push_str("\n.fi\n.SH \"SEE ALSO\"\n\\fBpublik\\fR(1), \\fBpublik\\-config\\-check\\fR(1), \\fBpublik\\-init\\fR(1)\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each command's options, as `publik queue list --status`.
    fn undescribed(command: &clap::Command, bin_name: &str, found: &mut Vec<String>) {
        let mut built = command.clone();
        built.build();
        for arg in built.get_arguments().filter(|arg| !arg.is_hide_set()) {
            if arg.get_help().is_none() && arg.get_long_help().is_none() {
                found.push(format!("{bin_name} {}", option_usage(arg)));
            }
        }
        for sub in command.get_subcommands().filter(|sub| sub.get_name() != "help") {
            undescribed(sub, &format!("{bin_name} {}", sub.get_name()), found);
        }
    }

    #[test]
    fn every_option_has_a_description() {
        let mut found = Vec::new();
        undescribed(&crate::cli::Cli::command(), "publik", &mut found);
        assert!(
            found.is_empty(),
            "options without a description:\n{}",
            found.join("\n")
        );
    }

    #[test]
    fn synopses_name_each_value() {
        let command = crate::cli::Cli::command();
        let enqueue = command.find_subcommand("enqueue").unwrap();
        let email = enqueue.find_subcommand("email").unwrap();
        let line = synopsis(email, "publik enqueue email");
        assert!(
            line.starts_with("publik enqueue email [--to <ADDR>...]"),
            "{line}"
        );
        assert!(line.contains(" --subject <TEXT>"), "{line}");
        assert!(synopsis(&command, "publik").contains("[-v|--verbose...]"));
    }
}
