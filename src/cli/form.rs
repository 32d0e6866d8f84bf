//! `publik form`: citizens' requests and their jumps.

use crate::cli::Context;
use crate::{ops, render};

/// Forms: citizens' requests moving through a workflow
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: FormCommand,
}

#[derive(Debug, Clone, clap::Subcommand)]
pub enum FormCommand {
    /// Create a form: it gets a number, enters the initial status, runs its actions
    Create {
        /// The workflow the form follows (its name)
        #[arg(long, value_name = "NAME")]
        workflow: String,
        /// The form's title, as shown to agents
        #[arg(long, value_name = "TEXT")]
        name: String,
        /// KEY=VALUE; repeatable
        #[arg(long, value_name = "KEY=VALUE")]
        data: Vec<String>,
        /// The citizen who filed it (the user name push notifications go to)
        #[arg(long, value_name = "USER")]
        user: Option<String>,
        /// The citizen's email address (the workflow's emails go there)
        #[arg(long, value_name = "ADDR")]
        email: Option<String>,
    },
    /// List forms
    List {
        /// Only forms in this status
        #[arg(long, value_name = "STATUS")]
        status: Option<String>,
        /// Only forms of this workflow
        #[arg(long, value_name = "NAME")]
        workflow: Option<String>,
    },
    /// A form: data, status, offered jumps, full history
    Show {
        /// The form's number
        number: String,
    },
    /// Delete a form and its history (its action links then say so)
    Delete {
        /// The form's number
        number: String,
    },
    /// Run a jump the form's status offers (operators); or, with --workflow,
    /// --status and --trigger, that jump for every form in that status
    /// (w.c.s.'s trigger jumps), each in its own transaction
    Jump {
        /// The form's number
        #[arg(required_unless_present = "workflow", conflicts_with = "workflow")]
        number: Option<String>,
        /// The jump to run (its name in the workflow)
        #[arg(required_unless_present = "workflow", conflicts_with = "workflow")]
        jump: Option<String>,
        /// Who acts, named in the history [default: form-jump[PID]]
        #[arg(long, value_name = "WHO")]
        actor: Option<String>,
        /// Data the jump carries, KEY=VALUE; repeatable
        #[arg(long, value_name = "KEY=VALUE")]
        data: Vec<String>,
        /// Every form of this workflow...
        #[arg(long, value_name = "NAME", requires_all = ["status", "trigger"])]
        workflow: Option<String>,
        /// ... in this status ...
        #[arg(long, value_name = "STATUS", requires = "workflow")]
        status: Option<String>,
        /// ... takes this jump
        #[arg(long, value_name = "JUMP", requires = "workflow")]
        trigger: Option<String>,
        /// Only forms whose data has FIELD=VALUE; repeatable
        #[arg(long = "where", value_name = "FIELD=VALUE", requires = "workflow")]
        filters: Vec<String>,
        /// Only forms in the status for longer than this (e.g. 30d)
        #[arg(long, value_name = "DURATION", requires = "workflow")]
        older_than: Option<crate::duration::Duration>,
        /// Say which forms would jump; change nothing
        #[arg(long, requires = "workflow")]
        dry_run: bool,
    },
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
    let (site, mut store) = ctx.site_and_store()?;
    let link_key = site.link_key.as_path();
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
            let number =
                ops::workflow::create(&mut store, ctx.config()?, link_key, &request, &ops::actor("form"))?;
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
        FormCommand::Jump {
            number,
            jump,
            actor,
            data,
            workflow,
            status,
            trigger,
            filters,
            older_than,
            dry_run,
        } => {
            let actor = actor.unwrap_or_else(|| ops::actor("form-jump"));
            if let Some(workflow) = workflow {
                let request = ops::workflow::BulkJump {
                    workflow,
                    status: status.unwrap_or_default(),
                    trigger: trigger.unwrap_or_default(),
                    filters,
                    older_than,
                    data,
                    dry_run,
                };
                let outcomes =
                    ops::workflow::jump_all(&mut store, ctx.config()?, link_key, &request, &actor)?;
                return render::bulk_jump(&outcomes, ctx.output);
            }
            let (number, jump) = (number.unwrap_or_default(), jump.unwrap_or_default());
            let form =
                ops::workflow::jump(&mut store, ctx.config()?, link_key, &number, &jump, &actor, &data)?;
            log::info!("form {} is now {}", form.number, form.status);
            Ok(())
        }
    }
}
