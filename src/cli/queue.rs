use crate::cli::Context;
use crate::clock;
use crate::duration::Duration;
use crate::exit_codes::bad_input;
use crate::queue_words::{Channel, Status};
use crate::store::ListFilter;
use crate::{ops, render};

/// Inspect and fix the send queue
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: QueueCommand,
}

#[derive(Debug, Clone, clap::Subcommand)]
pub enum QueueCommand {
    /// List messages (oldest first)
    List {
        /// Only these statuses (repeatable or comma-separated)
        #[arg(long, value_enum, value_delimiter = ',')]
        status: Vec<Status>,
        #[arg(long, value_enum)]
        channel: Option<Channel>,
        /// Only this recipient
        #[arg(long, value_name = "ADDR")]
        to: Option<String>,
        #[arg(long, value_name = "TAG")]
        tag: Option<String>,
        /// Only messages created within this long, e.g. 24h
        #[arg(long, value_name = "DURATION")]
        since: Option<Duration>,
        #[arg(long, value_name = "N")]
        limit: Option<u32>,
    },
    /// One message: recipients, headers, body preview, attachments, history
    Show { id: i64 },
    /// Count per channel and status, age of the oldest pending message
    Stats,
    /// Put messages back to pending (attempts start again; the history keeps them)
    Requeue {
        #[arg(required_unless_present = "status", conflicts_with = "status")]
        ids: Vec<i64>,
        /// Every message in this status (error, failed or cancelled)
        #[arg(long, value_enum, value_delimiter = ',')]
        status: Vec<Status>,
    },
    /// Cancel pending or error messages
    Cancel {
        #[arg(required = true)]
        ids: Vec<i64>,
    },
    /// Delete finished messages (and their history) older than a duration
    Purge {
        #[arg(long, value_name = "DURATION")]
        older_than: Duration,
        /// Statuses to purge [default: sent,delivered,failed,cancelled]
        #[arg(long, value_enum, value_delimiter = ',')]
        status: Vec<Status>,
    },
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
    let mut store = ctx.store()?;
    let actor = ops::actor("queue");
    match args.command {
        QueueCommand::List {
            status,
            channel,
            to,
            tag,
            since,
            limit,
        } => {
            let filter = ListFilter {
                statuses: status,
                channel,
                recipient: to,
                tag,
                since: since.map(|d| clock::now() - d.chrono()),
                limit,
            };
            render::messages(&ops::inspect::list(&store, &filter)?, ctx.output)
        }
        QueueCommand::Show { id } => {
            render::message_detail(&ops::inspect::show(&store, ctx.config()?, id)?, ctx.output)
        }
        QueueCommand::Stats => render::stats(&ops::inspect::stats(&store)?, ctx.output),
        QueueCommand::Requeue { ids, status } => {
            let ids = ops::inspect::requeue(&mut store, &ids, &status, &actor)?;
            log::info!("requeued {} message(s)", ids.len());
            ctx.output.record(&render::Ids { ids: &ids })
        }
        QueueCommand::Cancel { ids } => {
            let ids = ops::inspect::cancel(&mut store, &ids, &actor)?;
            log::info!("cancelled {} message(s)", ids.len());
            ctx.output.record(&render::Ids { ids: &ids })
        }
        QueueCommand::Purge { older_than, status } => {
            if older_than.as_secs() == 0 {
                return Err(bad_input("--older-than: must be more than 0s"));
            }
            let report = ops::inspect::purge(&mut store, older_than, &status)?;
            log::info!("purged {} message(s)", report.deleted);
            render::purge_report(&report, ctx.output)
        }
    }
}
