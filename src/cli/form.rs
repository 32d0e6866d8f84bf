//! `publik form`: citizens' requests and their jumps.

use crate::cli::Context;
use crate::{ops, render};

/// Forms: citizens' requests moving through a workflow
#[derive(Debug, Clone, clap::Args)]
pub struct FormArgs {
    #[command(subcommand)]
    pub command: FormCommand,
}

#[derive(Debug, Clone, clap::Subcommand)]
pub enum FormCommand {
    /// Create a form: it gets a number, enters the initial status, runs its actions
    Create {
        #[arg(long, value_name = "NAME")]
        workflow: String,
        #[arg(long, value_name = "TEXT")]
        name: String,
        /// KEY=VALUE; repeatable
        #[arg(long, value_name = "KEY=VALUE")]
        data: Vec<String>,
        #[arg(long, value_name = "USER")]
        user: Option<String>,
        #[arg(long, value_name = "ADDR")]
        email: Option<String>,
    },
    /// List forms
    List {
        #[arg(long, value_name = "STATUS")]
        status: Option<String>,
        #[arg(long, value_name = "NAME")]
        workflow: Option<String>,
    },
    /// A form: data, status, offered jumps, full history
    Show { number: String },
    /// Delete a form and its history (its action links then say so)
    Delete { number: String },
    /// Run a jump the form's status offers (operators)
    Jump {
        number: String,
        jump: String,
        #[arg(long, value_name = "WHO")]
        actor: String,
    },
}

pub fn form(ctx: &Context, args: FormArgs) -> anyhow::Result<()> {
    let mut store = ctx.store()?;
    match args.command {
        FormCommand::Create {
            workflow,
            name,
            data,
            user,
            email,
        } => {
            let request = ops::workflow::NewForm {
                workflow,
                name,
                data,
                user,
                email,
            };
            let number = ops::workflow::create(&mut store, ctx.config()?, &request, &ops::actor("form"))?;
            render::form_created(&number, ctx.output)
        }
        FormCommand::List { status, workflow } => {
            render::forms(&store.forms(status.as_deref(), workflow.as_deref())?, ctx.output)
        }
        FormCommand::Show { number } => render::form(&ops::workflow::show(&store, &number)?, ctx.output),
        FormCommand::Delete { number } => {
            let form = store
                .form(&number)?
                .ok_or_else(|| crate::exit_codes::bad_input(format!("no form \"{number}\"")))?;
            store.delete_form(form.id)?;
            Ok(())
        }
        FormCommand::Jump { number, jump, actor } => {
            let form = ops::workflow::jump(&mut store, ctx.config()?, &number, &jump, &actor)?;
            log::info!("form {} is now {}", form.number, form.status);
            Ok(())
        }
    }
}
