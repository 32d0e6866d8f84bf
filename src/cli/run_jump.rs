//! `publik run-jump`: act on a link from the command line.

use crate::cli::Context;
use crate::ops;

/// Run the jump an action link names (the same checks as its web page)
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// The token, or the whole link (a token may start with "-")
    #[arg(value_name = "TOKEN|URL", allow_hyphen_values = true)]
    pub token: String,
    /// Who acts [default: the link's recipient]
    #[arg(long, value_name = "TEXT")]
    pub actor: Option<String>,
    /// Data the jump carries, KEY=VALUE (e.g. comment=...); repeatable
    #[arg(long, value_name = "KEY=VALUE")]
    pub data: Vec<String>,
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
    let (site, mut store) = ctx.site_and_store()?;
    let (form, _) = ops::workflow::run_link(
        &mut store,
        ctx.config()?,
        &site.link_key,
        &args.token,
        args.actor.as_deref(),
        &args.data,
    )?;
    match form {
        Some(form) => {
            log::info!("form {} is now {}", form.number, form.status);
            ctx.output.record(&form)
        }
        // A remote w.c.s. form: its trigger ran there.
        None => {
            log::info!("the remote form took the jump");
            ctx.output.record(&serde_json::json!({"remote": true}))
        }
    }
}
