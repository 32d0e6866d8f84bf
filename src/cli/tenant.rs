//! `publik tenant`: the sites of a multi-site installation.

use crate::cli::Context;
use crate::store::StateLocation;
use crate::{ops, render};

/// The sites of this installation (one directory each in the tenants directory)
///
/// Each site's directory, named by its domain, holds its publik.yaml (which
/// overrides the main config key by key) and its own state. Run any command
/// for one site with `publik --tenant DOMAIN …`, cron commands for all with
/// `--all-tenants`.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: TenantCommand,
}

#[derive(Debug, Clone, clap::Subcommand)]
pub enum TenantCommand {
    /// List the sites
    List,
    /// Add a site: its directory, a commented publik.yaml and its state
    Add {
        /// The site's domain, e.g. demarches.ville-a.fr
        domain: String,
        /// The site's state in a PostgreSQL database (an empty one, made
        /// ready now) instead of publik.sqlite3 in its directory
        #[arg(long, value_name = "URL")]
        database: Option<std::path::PathBuf>,
    },
    /// Check every site's config (the main one merged with the site's); exit 65 if one is bad
    Check,
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
    let dir = ctx.tenants_dir()?;
    match args.command {
        TenantCommand::List => {
            let sites: Vec<_> = ops::tenant::list(&dir)?
                .iter()
                .map(|domain| ops::tenant::info(&dir, domain))
                .collect();
            render::tenants(&sites, ctx.output)
        }
        TenantCommand::Add { domain, database } => {
            let shared = crate::config::locate(ctx.config_arg());
            // A site's SQLite state is always in its directory: only a
            // database can be named.
            let database = match database {
                None => None,
                Some(written) => match crate::site::written_by_user(ctx.shared_config()?, &written) {
                    StateLocation::Postgres { url, .. } => Some(url),
                    StateLocation::Sqlite(file) => {
                        return Err(crate::exit_codes::bad_field(
                            "database",
                            format!(
                                "\"{}\" is not a postgresql:// URL (a site's SQLite state is always in its directory)",
                                file.display()
                            ),
                        ));
                    }
                },
            };
            let site = ops::tenant::add(shared.as_deref(), &dir, &domain, database.as_deref())?;
            log::info!("tenant {} added in {}", site.domain, site.dir.display());
            ctx.output.record(&site)
        }
        TenantCommand::Check => {
            let shared = crate::config::locate(ctx.config_arg());
            let (checks, first_error) = ops::tenant::check(shared.as_deref(), &dir)?;
            render::tenant_checks(&checks, ctx.output)?;
            match first_error {
                Some(e) => Err(e),
                None => Ok(()),
            }
        }
    }
}
