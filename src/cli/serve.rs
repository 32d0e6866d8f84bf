use crate::cli::Context;
use crate::ops;

/// Serve publik's landing pages (action links, unsubscribe links) behind the site's reverse proxy
///
/// GET and HEAD only show a page; POST acts. Stops on SIGTERM or SIGINT.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Address to listen on [default: the config's serve.listen]
    #[arg(long, value_name = "ADDR")]
    pub listen: Option<String>,
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
    let config = ctx.config()?;
    let listen = args.listen.unwrap_or_else(|| config.serve.listen.clone());
    ops::serve::serve(&mut ctx.store()?, config, &listen)
}
