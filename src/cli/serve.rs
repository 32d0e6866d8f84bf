use crate::cli::Context;
use crate::ops;

/// Serve publik's landing pages (newsletter unsubscribe links) behind the site's reverse proxy
///
/// GET and HEAD only show a page; POST acts. Stops on SIGTERM or SIGINT.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Address to listen on [default: the config's serve.listen]
    #[arg(long, value_name = "ADDR")]
    pub listen: Option<String>,
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
    let listen = args
        .listen
        .unwrap_or_else(|| ctx.config().map(|c| c.serve.listen.clone()).unwrap_or_default());
    ops::serve::serve(&mut ctx.store()?, &listen)
}
