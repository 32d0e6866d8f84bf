//! `publik queue …`: looking at the queue, fixing it by hand, the Nagios check.

use crate::cli::{Context, input};
use crate::clock;
use crate::duration::Duration;
use crate::exit_codes::bad_input;
use crate::queue_row::{Channel, Status};
use crate::store::{ListFilter, OlderSchema};
use crate::{ops, render};

/// Inspect and fix the send queue
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: QueueCommand,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum StatsFormat {
    Table,
    Openmetrics,
}

#[derive(Debug, Clone, clap::Subcommand)]
pub enum QueueCommand {
    /// List messages (oldest first)
    List {
        /// Only these statuses (repeatable or comma-separated)
        #[arg(long, value_enum, value_delimiter = ',')]
        status: Vec<Status>,
        /// Only this channel
        #[arg(long, value_enum)]
        channel: Option<Channel>,
        /// Only this recipient
        #[arg(long, value_name = "ADDR")]
        to: Option<String>,
        /// Only messages with this tag
        #[arg(long, value_name = "TAG")]
        tag: Option<String>,
        /// Only messages created within this long, e.g. 24h
        #[arg(long, value_name = "DURATION")]
        since: Option<Duration>,
        /// At most N messages, 0 for all [default: 100 in a table, all
        /// with --json or --json-lines]
        #[arg(long, value_name = "N")]
        limit: Option<u32>,
        /// One JSON object a line, written as the rows are read
        /// (postqueue -j)
        #[arg(long)]
        json_lines: bool,
    },
    /// One message: recipients, headers, body preview, attachments, history
    Show {
        /// The message's id
        id: i64,
    },
    /// Count per channel and status, age of the oldest pending message
    Stats {
        /// table (or JSON with --json), or openmetrics for Prometheus and
        /// node_exporter's textfile collector
        #[arg(long, value_enum, default_value = "table")]
        format: StatsFormat,
    },
    /// A Nagios/Icinga check: one status line with perfdata; exit 0 OK,
    /// 1 WARNING, 2 CRITICAL, 3 UNKNOWN (the state cannot be read)
    Check {
        /// WARNING when a due message has waited this long
        #[arg(long, value_name = "DURATION", default_value = "15m")]
        warn_age: Duration,
        /// CRITICAL when a due message has waited this long
        #[arg(long, value_name = "DURATION", default_value = "1h")]
        crit_age: Duration,
        /// WARNING from this many messages failed in the last 24 hours
        #[arg(long, value_name = "N", default_value_t = 1)]
        warn_failed: i64,
        /// CRITICAL from this many messages failed in the last 24 hours
        #[arg(long, value_name = "N", default_value_t = 10)]
        crit_failed: i64,
        /// Only this channel
        #[arg(long, value_enum)]
        channel: Option<Channel>,
    },
    /// Put messages back to pending (attempts start again; the history keeps them)
    Requeue {
        /// Message ids; `-` reads them from standard input
        #[arg(
            required_unless_present = "status",
            conflicts_with = "status",
            value_name = "ID"
        )]
        ids: Vec<String>,
        /// Every message in this status (error, failed or cancelled)
        #[arg(long, value_enum, value_delimiter = ',')]
        status: Vec<Status>,
    },
    /// Cancel pending or error messages
    Cancel {
        /// Message ids; `-` reads them from standard input
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
    },
    /// Hold pending or error messages: no run sends them until released
    /// (postsuper -h)
    Hold {
        /// Message ids; `-` reads them from standard input
        #[arg(
            required_unless_present = "status",
            conflicts_with = "status",
            value_name = "ID"
        )]
        ids: Vec<String>,
        /// Every message in this status (pending or error)
        #[arg(long, value_enum, value_delimiter = ',')]
        status: Vec<Status>,
    },
    /// Release held messages back to pending, attempts starting again
    /// (postsuper -H)
    Release {
        /// Message ids; `-` reads them from standard input
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
    },
    /// Delete messages and their history, in any status but sending
    /// (postsuper -d)
    Delete {
        /// Message ids; `-` reads them from standard input
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
    },
    /// Delete finished messages (and their history) older than a duration
    Purge {
        /// Delete the messages finished longer ago than this, e.g. 90d
        #[arg(long, value_name = "DURATION")]
        older_than: Duration,
        /// Statuses to purge [default: sent,delivered,failed,cancelled]
        #[arg(long, value_enum, value_delimiter = ',')]
        status: Vec<Status>,
    },
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
    if let QueueCommand::Check {
        warn_age,
        crit_age,
        warn_failed,
        crit_failed,
        channel,
    } = args.command
    {
        let limits = ops::inspect::CheckLimits {
            channel,
            warn_age,
            crit_age,
            warn_failed,
            crit_failed,
        };
        return check(ctx, limits);
    }
    if matches!(args.command, QueueCommand::List { json_lines: true, .. })
        && ctx.output == render::Output::Json
    {
        return Err(
            crate::exit_codes::Usage("--json-lines and --json are two formats: choose one".into()).into(),
        );
    }
    // Listings only read: they never create, migrate or change a state.
    let only_reads = matches!(
        args.command,
        QueueCommand::List { .. } | QueueCommand::Show { .. } | QueueCommand::Stats { .. }
    );
    let mut store = if only_reads {
        ctx.store_to_read(OlderSchema::Refuse)?
    } else {
        ctx.store()?
    };
    let actor = ops::actor("queue");
    match args.command {
        QueueCommand::List {
            status,
            channel,
            to,
            tag,
            since,
            limit,
            json_lines,
        } => {
            let format = match (json_lines, ctx.output) {
                (true, _) => render::ListFormat::JsonLines,
                (false, render::Output::Json) => render::ListFormat::Json,
                (false, render::Output::Text) => render::ListFormat::Table,
            };
            // A table is for eyes: a page by default. Scripts get everything.
            let limit = match (limit, format) {
                (Some(0), _) => None,
                (Some(n), _) => Some(n),
                (None, render::ListFormat::Table) => Some(DEFAULT_LIST_LIMIT),
                (None, _) => None,
            };
            let filter = ListFilter {
                statuses: status,
                channel,
                recipient: to,
                tag,
                since: since.map(|d| clock::now() - d.chrono()),
                limit,
            };
            let mut list = render::MessageList::new(format);
            let more = ops::inspect::list(&store, &filter, |message| list.push(message))?;
            list.finish(more)
        }
        QueueCommand::Show { id } => {
            render::message_detail(&ops::inspect::show(&store, ctx.config()?, id)?, ctx.output)
        }
        QueueCommand::Stats {
            format: StatsFormat::Table,
        } => render::stats(&ops::inspect::stats(&store)?, ctx.output),
        QueueCommand::Stats {
            format: StatsFormat::Openmetrics,
        } => Ok(render::out(&ops::inspect::openmetrics(&store)?)?),
        // Answered above, before the state is opened (UNKNOWN if it cannot be).
        QueueCommand::Check { .. } => Ok(()),
        QueueCommand::Requeue { ids, status } => {
            let ids = optional_ids(&ids)?;
            let ids = ops::queue_admin::requeue(&mut store, &ids, &status, &actor)?;
            log::info!("requeued {} message(s)", ids.len());
            ctx.output.record(&render::Ids { ids: &ids })
        }
        QueueCommand::Cancel { ids } => {
            let ids = ops::queue_admin::cancel(&mut store, &input::ids(None, &ids)?, &actor)?;
            log::info!("cancelled {} message(s)", ids.len());
            ctx.output.record(&render::Ids { ids: &ids })
        }
        QueueCommand::Hold { ids, status } => {
            let ids = optional_ids(&ids)?;
            let ids = ops::queue_admin::hold(&mut store, &ids, &status, &actor)?;
            log::info!("held {} message(s)", ids.len());
            ctx.output.record(&render::Ids { ids: &ids })
        }
        QueueCommand::Release { ids } => {
            let ids = ops::queue_admin::release_held(&mut store, &input::ids(None, &ids)?, &actor)?;
            log::info!("released {} message(s)", ids.len());
            ctx.output.record(&render::Ids { ids: &ids })
        }
        QueueCommand::Delete { ids } => {
            let ids = ops::queue_admin::delete(&mut store, &input::ids(None, &ids)?)?;
            log::info!("deleted {} message(s)", ids.len());
            ctx.output.record(&render::Ids { ids: &ids })
        }
        QueueCommand::Purge { older_than, status } => {
            if older_than.as_secs() == 0 {
                return Err(bad_input("--older-than: must be more than 0s"));
            }
            let report = ops::queue_admin::purge(&mut store, older_than, &status)?;
            log::info!("purged {} message(s)", report.deleted);
            render::purge_report(&report, ctx.output)
        }
    }
}

/// Rows a `queue list` table shows unless `--limit` says otherwise.
const DEFAULT_LIST_LIMIT: u32 = 100;

/// Ids when given (a verb that may select by `--status` instead).
fn optional_ids(given: &[String]) -> anyhow::Result<Vec<i64>> {
    if given.is_empty() {
        return Ok(Vec::new());
    }
    input::ids(None, given)
}

/// `queue check`, with the plugin's exit codes: any failure to read the
/// state is UNKNOWN (3), said on the status line.
fn check(ctx: &Context, limits: ops::inspect::CheckLimits) -> anyhow::Result<()> {
    let checked = ctx
        .store_to_read(OlderSchema::Refuse)
        .and_then(|store| ops::inspect::check(&store, limits));
    // One line per site with --all-tenants, naming it.
    let site = crate::thread_tenant::tenant()
        .map(|t| format!("{t}: "))
        .unwrap_or_default();
    let code = match &checked {
        Ok(check) => {
            match ctx.output {
                render::Output::Json => render::json(check)?,
                render::Output::Text => render::out(&format!("{site}{}", check.line()))?,
            }
            check.state as i32
        }
        Err(err) => return check_unknown(ctx, &site, &format!("{err:#}")),
    };
    match code {
        0 => Ok(()),
        code => Err(crate::exit_codes::Exit(code).into()),
    }
}

/// `queue check`'s UNKNOWN (exit 3): the status line says why (the state
/// cannot be read, no site to check).
pub(super) fn check_unknown(ctx: &Context, site: &str, why: &str) -> anyhow::Result<()> {
    match ctx.output {
        render::Output::Json => render::json(&serde_json::json!({"state": "UNKNOWN", "error": why}))?,
        render::Output::Text => render::out(&crate::logger::printable(&format!(
            "{site}PUBLIK QUEUE UNKNOWN - {why}"
        )))?,
    }
    Err(crate::exit_codes::Exit(3).into())
}
