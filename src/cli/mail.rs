//! `publik mail`: the harvested mail and its fate.

use std::path::{Path, PathBuf};

use crate::cli::{Context, input};
use crate::store::MailStatus;
use crate::{ops, render};

/// Mail harvested from Maarch, and reports of its fate back to Maarch
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: MailCommand,
}

#[derive(Debug, Clone, clap::Subcommand)]
pub enum MailCommand {
    /// List harvested mail
    List {
        /// Only mail in this status
        #[arg(long, value_enum)]
        status: Option<MailStatus>,
    },
    /// One mail: Maarch's metadata, local status, linked form
    Show {
        /// Local id or external id (maarch-N)
        id: String,
    },
    /// Save a mail's scanned document
    File {
        /// The mail's number or external id (maarch-12)
        id: String,
        /// Where to write the scanned document
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
    },
    /// Tell Maarch a request was created for the mail (external id and link, status_sent)
    Link {
        /// The mail's number or external id (maarch-12)
        id: String,
        /// The w.c.s. form's number
        #[arg(long, value_name = "NUMBER")]
        form_number: String,
        /// The w.c.s. form's URL
        #[arg(long, value_name = "URL")]
        form_url: String,
        /// Replace the form already linked (Maarch keeps one external id)
        #[arg(long)]
        force: bool,
    },
    /// Tell Maarch the mail is not for the platform (status_refused)
    Reject {
        /// The mail's number or external id (maarch-12)
        id: String,
        /// History message in Maarch
        #[arg(long, value_name = "TEXT")]
        reason: Option<String>,
    },
    /// Tell Maarch the platform answered (status_response, the content as history message)
    Respond {
        /// The mail's number or external id (maarch-12)
        #[arg(required_unless_present = "mail_id", conflicts_with = "mail_id")]
        id: Option<String>,
        /// The mail's external id, e.g. maarch-12
        #[arg(long, value_name = "EXTERNAL_ID")]
        mail_id: Option<String>,
        /// The answer's text
        #[arg(
            long,
            value_name = "TEXT",
            required_unless_present = "content_file",
            conflicts_with = "content_file"
        )]
        content: Option<String>,
        /// The answer's text, from a file
        #[arg(long, value_name = "FILE")]
        content_file: Option<PathBuf>,
    },
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
    let mut store = ctx.store()?;
    let actor = ops::actor("mail");
    let queued = match args.command {
        MailCommand::List { status } => {
            return render::mails(&ops::maarch::list(&store, status)?, ctx.output);
        }
        MailCommand::Show { id } => return render::mail(&ops::maarch::show(&store, &id)?, ctx.output),
        MailCommand::File { id, output } => return ops::maarch::save_file(&store, &id, &output),
        MailCommand::Link {
            id,
            form_number,
            form_url,
            force,
        } => ops::maarch::link(
            &mut store,
            ctx.config()?,
            &id,
            &form_number,
            &form_url,
            force,
            &actor,
        )?,
        MailCommand::Reject { id, reason } => {
            ops::maarch::reject(&mut store, ctx.config()?, &id, reason.as_deref(), &actor)?
        }
        MailCommand::Respond {
            id,
            mail_id,
            content,
            content_file,
        } => {
            let content = match (content, content_file) {
                (Some(text), _) => text,
                (None, path) => input::text("content_file", path.as_deref().unwrap_or(Path::new("-")))?,
            };
            let id = id.or(mail_id).unwrap_or_default();
            ops::maarch::respond(&mut store, ctx.config()?, &id, &content, &actor)?
        }
    };
    log::info!("report queued as message {queued}");
    ctx.output.record(&render::Ids { ids: &[queued] })
}
