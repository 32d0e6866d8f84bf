//! `publik serve`: the landing pages of one site, or of every site (`--all-tenants`).

use crate::cli::Context;
use crate::serve::Sites;

/// Serve publik's landing pages (action links, unsubscribe links) behind the site's reverse proxy
///
/// GET and HEAD only show a page; POST acts. A request must arrive whole within serve.request_timeout
/// (else 408) and stay under 16 KB of headers and 16 KB of body; at most serve.max_connections are
/// handled at once (more get 503). SIGTERM or SIGINT stop it once the requests in hand are answered.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Address to listen on [default: the config's serve.listen]
    #[arg(long, value_name = "ADDR")]
    pub listen: Option<String>,
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
    crate::logger::errors_always();
    let config = ctx.config()?;
    let listen = args.listen.unwrap_or_else(|| config.serve.listen.clone());
    let (site, store) = ctx.site_and_store()?;
    crate::serve::serve(Sites::one(config.clone(), site, store), config, &listen)
}

/// `publik --all-tenants serve`: every tenant from one process, by Host.
pub(crate) fn exec_all_tenants(ctx: &Context, args: Args) -> anyhow::Result<()> {
    crate::logger::errors_always();
    let config = ctx.shared_config()?;
    let listen = args.listen.unwrap_or_else(|| config.serve.listen.clone());
    let sites = Sites::tenants(crate::config::locate(ctx.config_arg()), ctx.tenants_dir()?);
    crate::serve::serve(sites, config, &listen)
}
