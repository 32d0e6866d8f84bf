//! `publik sms receipt`: a provider's delivery receipt recorded by hand.

use crate::cli::Context;
use crate::ops;
use crate::ops::sms::ReceiptStatus;

/// SMS delivery receipts
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: SmsCommand,
}

#[derive(Debug, Clone, clap::Subcommand)]
pub enum SmsCommand {
    /// Record a provider's delivery receipt (the only way to `delivered`)
    Receipt {
        /// The provider's message id, as stored when the SMS was sent
        #[arg(long, value_name = "ID")]
        provider_id: String,
        /// What the provider says became of the SMS
        #[arg(long, value_enum)]
        status: ReceiptStatus,
        /// When the provider says it happened [default: now]
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
    },
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
    match args.command {
        SmsCommand::Receipt {
            provider_id,
            status,
            at,
        } => {
            let mut store = ctx.store()?;
            let report = ops::sms::receipt(
                &mut store,
                &provider_id,
                status,
                at.as_deref(),
                &ops::actor("sms"),
            )?;
            ctx.output.record(&report)
        }
    }
}
