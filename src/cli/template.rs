//! `publik template …`: message templates (minijinja).

use std::path::PathBuf;

use crate::cli::{Context, input};
use crate::{ops, render};

/// Message templates (minijinja, Django-like syntax)
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: TemplateCommand,
}

#[derive(Debug, Clone, clap::Subcommand)]
pub enum TemplateCommand {
    /// Add (or replace) a template; syntax errors and unknown filters are reported now
    Add {
        /// The template's name
        name: String,
        /// The subject line (a template too)
        #[arg(long, value_name = "TEXT")]
        subject: String,
        /// Plain-text part
        #[arg(long, value_name = "FILE")]
        text: PathBuf,
        /// HTML part (auto-escaped)
        #[arg(long, value_name = "FILE")]
        html: Option<PathBuf>,
    },
    /// List templates
    List,
    /// Show a template's source
    Show {
        /// The template's name
        name: String,
    },
    /// Preview a template for one recipient
    Render {
        /// The template's name
        name: String,
        /// The recipient to render it for (a group member's attributes if any)
        #[arg(long, value_name = "ADDR")]
        to: String,
        /// Template variable KEY=VALUE; repeatable
        #[arg(long, value_name = "KEY=VALUE")]
        var: Vec<String>,
    },
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
    let mut store = ctx.store()?;
    match args.command {
        TemplateCommand::Add {
            name,
            subject,
            text,
            html,
        } => {
            let text = input::text("text", &text)?;
            let html = input::optional_text("html", html.as_deref())?;
            let created = ops::newsletter::add_template(&mut store, &name, &subject, &text, html.as_deref())?;
            log::info!("template {name} {}", if created { "added" } else { "replaced" });
            Ok(())
        }
        TemplateCommand::List => render::templates(&store.templates()?, ctx.output),
        TemplateCommand::Show { name } => {
            render::template(&ops::newsletter::template(&store, &name)?, ctx.output)
        }
        TemplateCommand::Render { name, to, var } => render::rendered(
            &ops::newsletter::render_preview(&store, &name, &to, &var)?,
            ctx.output,
        ),
    }
}
